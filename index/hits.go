package index

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/identity"
	contract "github.com/newsdex/newsdex/internal/search"
)

// speakerName is a quote speaker's corpus-wide name; "" stays "".
func speakerName(tab *identity.Table, q article.Quote) string {
	if !q.SpeakerNamed {
		return q.Speaker
	}
	return tab.Canonical(q.Speaker)
}

// dateOf returns the date in a hit's plain metadata (FieldMeta), the
// only stored field both kinds share.
func dateOf(h *search.DocumentMatch) (string, error) {
	var m quoteMeta
	if s, _ := h.Fields[FieldMeta].(string); s != "" {
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return "", fmt.Errorf("hit %s: stored metadata: %w", h.ID, err)
		}
	}
	return m.Date, nil
}

// articleHit builds an article hit from its stored fields (storedHitFields).
// People take their corpus-wide names (names.go).
func articleHit(h *search.DocumentMatch, tab *identity.Table) (contract.ArticleHit, error) {
	date, err := dateOf(h)
	if err != nil {
		return contract.ArticleHit{}, err
	}
	rec, err := recordOf(h.Fields)
	if err != nil {
		return contract.ArticleHit{}, fmt.Errorf("hit %s: %w", h.ID, err)
	}
	snip, err := highlightText(h, rec.Body)
	if err != nil {
		return contract.ArticleHit{}, fmt.Errorf("hit %s: %w", h.ID, err)
	}
	t := parseTime(date)
	return contract.ArticleHit{
		ID: articleID(h.ID), Score: h.Score, Title: rec.Title, Date: dateString(t),
		Source: rec.Source, Lang: rec.Lang, URL: rec.URL, Countries: countryCodes(rec.Countries),
		Regions: orEmpty(rec.Regions), Speakers: orEmpty(personNames(tab, rec.Speakers)),
		Actors:  personNames(tab, actorNames(rec.Actors)),
		Snippet: snip, SortKey: sortKey(h), Time: t,
	}, nil
}

// quoteHits builds quote hits. A quote document stores only its date: the
// rest comes from the records of the quotes' articles, read in one search.
func (x *Index) quoteHits(ctx context.Context, hits search.DocumentMatchCollection, tab *identity.Table) ([]contract.QuoteHit, error) {
	out := make([]contract.QuoteHit, 0, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(hits))
	seen := make(map[string]bool, len(hits))
	for _, h := range hits {
		if id := articleOfQuote(h.ID); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	docs, err := x.storedDocs(ctx, kindArticle, ids, fieldDoc)
	if err != nil {
		return nil, fmt.Errorf("read the articles of quote hits: %w", err)
	}
	recs := make(map[string]*record, len(docs))
	for _, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		date, err := dateOf(h)
		if err != nil {
			return nil, err
		}
		id, n := articleOfQuote(h.ID), quoteNumber(h.ID)
		rec := recs[id]
		if rec == nil {
			f, ok := docs[id]
			if !ok {
				// Deleted since the search ran (a server indexing
				// meanwhile): the hit is gone too.
				continue
			}
			if rec, err = recordOf(f); err != nil {
				return nil, fmt.Errorf("hit %s: article %s: %w", h.ID, id, err)
			}
			recs[id] = rec
		}
		if n < 1 || n > len(rec.Quotes) {
			// Replaced since the search ran by a version with fewer
			// quotes: this quote is gone.
			continue
		}
		q := rec.quote(n - 1)
		snip, err := highlightText(h, q.Text)
		if err != nil {
			return nil, fmt.Errorf("hit %s: %w", h.ID, err)
		}
		t := parseTime(date)
		out = append(out, contract.QuoteHit{
			ID: h.ID, Text: q.Text, Speaker: speakerName(tab, q), SpeakerNamed: q.SpeakerNamed, SpeakerTitle: q.SpeakerTitle,
			SpeakerDescription: q.SpeakerDescription,
			Cue:                q.Cue, ArticleID: id, Title: rec.Title, Date: dateString(t),
			Source: rec.Source, Countries: countryCodes(rec.Countries), Snippet: snip,
			Confidence: q.Confidence, Score: h.Score, SortKey: sortKey(h), Time: t, Group: q.Group,
		})
	}
	return out, nil
}
