// Package gazetteer knows the world's countries: names, alternative names,
// demonyms, capitals, and the UN M49 regions they belong to.
package gazetteer

// Gazetteer answers questions about countries and regions. (Stub: to be written.)
type Gazetteer struct{}

// Default returns the gazetteer built from the embedded data, loaded once.
func Default() *Gazetteer { return &Gazetteer{} }
