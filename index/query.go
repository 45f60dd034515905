package index

import (
	"fmt"
	"sort"
	"strings"

	contract "github.com/newsdex/newsdex/internal/search"
)

// maxPatternLength bounds a /regexp/ or wildcard pattern, as
// Elasticsearch's max_regex_length.
const maxPatternLength = 1000

// maxFuzziness is the largest edit distance bleve's fuzzy search accepts.
const maxFuzziness = 2

// checkPattern checks a /regexp/ before any automaton is built
// (pattern.go): its length, syntax and program size.
func checkPattern(p string) error {
	if len(p) > maxPatternLength {
		return fmt.Errorf("%w: pattern of %d bytes is over the maximum of %d", ErrBadQuery, len(p), maxPatternLength)
	}
	_, err := compilePattern(p, "/"+p+"/")
	return err
}

// fieldValue resolves a country or region a user typed to its stored
// form; other values pass unchanged (their fields' analyzers lower-case).
func (x *Index) fieldValue(field, v string) (string, error) {
	switch field {
	case FieldCountry:
		return x.countryCode(v)
	case FieldRegion:
		return x.regionName(v)
	}
	return v, nil
}

// countryCode resolves a country code or name to its code
// (contract.ResolveCountry), or returns an error wrapping ErrBadQuery.
func (x *Index) countryCode(v string) (string, error) {
	code, err := contract.ResolveCountry(x.lab, v)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	return code, nil
}

// regionName resolves a region name to its stored form
// (contract.ResolveRegion), or returns an error wrapping ErrBadQuery.
func (x *Index) regionName(v string) (string, error) {
	name, err := contract.ResolveRegion(x.lab, v)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	return name, nil
}

func knownFields(kind string) string {
	names := make([]string, 0, len(fieldAliases[kind]))
	for name := range fieldAliases[kind] {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
