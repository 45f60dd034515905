package index

import (
	"github.com/newsdex/newsdex/internal/search"
)

// The index implements the search contract (internal/search): its code
// names the contract's types and constants as contract.X, declared once,
// there.
var _ search.Store = (*Index)(nil)
