package extract

import "github.com/newsdex/newsdex/internal/article"

// places fills a.Countries and a.Regions. (Stub: to be written.)
func (x *Extractor) places(a *article.Article) {
	a.Countries, a.Regions = nil, nil
}
