package extract

import "github.com/newsdex/newsdex/internal/article"

// people fills a.Quotes, a.Speakers and a.Actors. (Stub: to be written.)
func (x *Extractor) people(a *article.Article) {
	a.Quotes, a.Speakers, a.Actors = nil, nil, nil
}
