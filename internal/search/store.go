package search

import (
	"context"

	"github.com/newsdex/newsdex/internal/article"
)

// Searcher answers searches: what the web UI, `search`, `quotes`, `show`
// and `stats` need. The bleve index, the remote client and the demo index
// implement it.
type Searcher interface {
	// Search finds articles. r is checked with Normalize first.
	Search(ctx context.Context, r Request) (*ArticleResult, error)
	// SearchQuotes finds quotes.
	SearchQuotes(ctx context.Context, r Request) (*QuoteResult, error)
	// Article returns one article whole, or an error wrapping ErrNotFound.
	Article(ctx context.Context, id string) (*article.Article, error)
	// Stats describes the index.
	Stats(ctx context.Context) (*Stats, error)
	// Close releases the searcher.
	Close() error
}

// Store is a Searcher that can be written: what an indexing run needs.
type Store interface {
	Searcher
	// Put adds or replaces articles (and their quotes) in one durable
	// batch.
	Put(ctx context.Context, arts []*article.Article) error
	// Fingerprints returns the stored fingerprints of the articles with
	// these IDs that the store holds (article.Article.Fingerprint).
	Fingerprints(ctx context.Context, ids []string) (map[string]string, error)
	// ContentOwners returns, for each content hash of hashes
	// (ingest.ContentHash of a title and body), the IDs of the articles
	// the store holds with that text; hashes with none are absent.
	ContentOwners(ctx context.Context, hashes []string) (map[string][]string, error)
	// FileHash returns the content hash recorded for an input file by
	// RecordFiles, or "" when none was recorded.
	FileHash(ctx context.Context, name string) (string, error)
	// RecordFiles records the content hashes of input files (name -> hash).
	RecordFiles(ctx context.Context, hashes map[string]string) error
	// Precompute stores whatever makes later searches faster after a bulk
	// load (the browse counts of the whole index).
	Precompute(ctx context.Context) error
}
