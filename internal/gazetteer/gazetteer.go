// Package gazetteer knows the world's countries: names, alternative names,
// demonyms, capitals, and the UN M49 regions they belong to.
package gazetteer

// Country is one country of the gazetteer. (Stub: fields to be completed.)
type Country struct {
	Code      string // ISO 3166-1 alpha-2, upper case
	Name      string // English short name ("Iraq")
	Region    string // UN M49 region ("Asia")
	SubRegion string // UN M49 sub-region ("Western Asia")
}

// Gazetteer answers questions about countries and regions. It is safe for
// concurrent use. (Stub: to be written.)
type Gazetteer struct{}

// Default returns the gazetteer built from the embedded data, loaded once.
func Default() *Gazetteer { return &Gazetteer{} }

// ByCode returns the country with the ISO alpha-2 code, in any case.
func (g *Gazetteer) ByCode(code string) (*Country, bool) { return nil, false }

// Lookup resolves a code, a name or an alternative name, in any case.
func (g *Gazetteer) Lookup(s string) (*Country, bool) { return nil, false }

// CountryCode resolves a code or name, in any case, to the alpha-2 code.
func (g *Gazetteer) CountryCode(s string) (string, bool) { return "", false }

// CountryName returns the English name of an alpha-2 code, or the code.
func (g *Gazetteer) CountryName(code string) string { return code }

// RegionName resolves a region or sub-region name, in any case, to its
// canonical form ("western asia" -> "Western Asia").
func (g *Gazetteer) RegionName(s string) (string, bool) { return "", false }

// Regions returns the regions of a country, broadest first: its UN M49
// region and sub-region, and "Middle East" for the usual members.
func (g *Gazetteer) Regions(code string) []string { return nil }

// IsPlace reports whether a capitalised name is a place the gazetteer knows
// (a country, demonym, capital or city) and so not a person or organisation.
func (g *Gazetteer) IsPlace(name string) bool { return false }
