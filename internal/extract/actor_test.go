package extract

import (
	"testing"

	"github.com/newsdex/newsdex/internal/article"
)

func TestActors(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    map[string]string // name -> type, all must be present
		notWant []string
	}{
		{"surname joins full name",
			"Foreign Minister Fuad Hussein met President Donald Trump. Later Hussein said Trump was friendly. President Trump agreed.",
			map[string]string{"Fuad Hussein": article.Person, "Donald Trump": article.Person},
			[]string{"Hussein", "Trump", "President Trump", "Foreign Minister Fuad Hussein"}},
		{"aliases are one organisation",
			"Islamic State lost ground. ISIS fighters fled, and ISIL said nothing.",
			map[string]string{"Islamic State": article.Organization},
			[]string{"ISIS", "ISIL"}},
		{"acronyms of things alone are no actors",
			"Sales of PCs and DVDs rose, Pinewood Technologies said. Its LAN kit and IC output grew. PC World reviewed the HDTV sets, and Quillon Ltd, a PC maker, agreed.",
			map[string]string{"Pinewood Technologies": article.Organization, "PC World": article.Organization, "Quillon Ltd": article.Organization},
			[]string{"PCs", "DVDs", "LAN", "IC", "HDTV", "PC"}},
		{"hyphenated given names after a surname",
			"Science Minister Park Ji-won met Kim Tae-hoon of the chip makers' group. Park said the rules were fair, and Kim agreed. A Seoul-based lawyer and Paris-born analysts disagreed.",
			map[string]string{"Park Ji-won": article.Person, "Kim Tae-hoon": article.Person},
			[]string{"Park", "Kim", "Ji-won", "Seoul-based", "Paris-born"}},
		{"al- particle",
			"The fall of Bashar al-Assad changed Syria. Assad fled.",
			map[string]string{"Bashar al-Assad": article.Person},
			[]string{"Assad", "al-Assad"}},
		{"media and organisations",
			"Al Hurra reported the talks, Reuters said. The Foreign Ministry declined to comment.",
			map[string]string{"Al Hurra": article.Organization, "Reuters": article.Organization, "Foreign Ministry": article.Organization},
			nil},
		{"page chrome and sentence starts",
			"Several groups met. Regarding the plan, nothing changed.\n\nNews\n\nDismiss",
			nil,
			[]string{"Several", "Regarding", "News", "Dismiss"}},
		{"groups, continents and acronyms are not actors",
			"Officials said the talks would resume. Economists expect growth. Roasters in Europe buy less. AI rules and GDP figures were published by the European Commission.",
			map[string]string{"European Commission": article.Organization},
			[]string{"Officials", "Economists", "Europe", "AI", "GDP", "Roasters"}},
		{"role noun makes a person",
			"\"This is certification of incompetence,\" political analyst Stephen Hess told Reuters.",
			map[string]string{"Stephen Hess": article.Person},
			nil},
		// Furniture (furniture.go).
		{"dateline, sign-off and capitals lines are furniture",
			"NEWARK, N.J., March 3 - Orvane Chemical Corp said profits rose.\n    Chairman Tomas Reld said sales held up.\n COUPON 7.5 SPREAD 20 TOTAL\n REUTER",
			map[string]string{"Orvane Chemical Corp": article.Organization, "Tomas Reld": article.Person},
			[]string{"NEWARK", "N.J", "REUTER", "COUPON", "SPREAD", "TOTAL"}},
		{"each story of a digest has its dateline",
			"NEW YORK - Stocks fell.\n---\nBAGUIO, Philippines - Troops moved.\n---\nTOKYO - Yen rose. Sorvik Holdings gained. REUTER",
			map[string]string{"Sorvik Holdings": article.Organization},
			[]string{"YORK", "NEW YORK", "BAGUIO", "TOKYO", "REUTER"}},
		{"a lower-case month still dates a dateline",
			"NEW YORK, march 2 - Brell Foods Inc raised its dividend.",
			map[string]string{"Brell Foods Inc": article.Organization},
			[]string{"YORK", "NEW YORK"}},
		{"tickers, credits and bylines are not actors",
			"By Hanna Vestergaard\n\nKelvor Group Plc <KELV.L> said it would buy <Marlow Pumps>.\n\n-- Hanna Vestergaard, Oslo Newsroom +47 22 00 00 00",
			map[string]string{"Kelvor Group Plc": article.Organization, "Marlow Pumps": article.Organization},
			[]string{"Hanna Vestergaard", "KELV", "L", "Oslo Newsroom"}},
		{"a list item opening with a dash is no credit",
			"- Opposition leader Darrow Penhale pledged to oust the Unity Party government.",
			map[string]string{"Darrow Penhale": article.Person},
			nil},
		{"a wrapped line is one space in a name",
			"The talks were led by Clayton\nYeutter and the Securities and\nExchange Commission.",
			map[string]string{"Clayton Yeutter": article.Person, "Securities and Exchange Commission": article.Organization},
			[]string{"Clayton\nYeutter", "Exchange Commission"}},
		// Whole names.
		{"'and', '&' and possessives inside organisations' names",
			"Moody's Investors Service cut the rating, J.D. Power and Associates said, and so did Duff & Phelps. The Vietnam Coffee and Cocoa Association agreed.",
			map[string]string{"Moody's Investors Service": article.Organization, "J.D. Power and Associates": article.Organization,
				"Duff & Phelps": article.Organization, "Vietnam Coffee and Cocoa Association": article.Organization},
			[]string{"Investors Service", "Power", "J.D", "Cocoa Association"}},
		{"'and' does not join a person to an organisation",
			"The debate was run by Anders Kellby and Martha Oduya of Tidewater News.",
			map[string]string{"Martha Oduya": article.Person, "Tidewater News": article.Organization},
			[]string{"Anders Kellby and Martha Oduya of Tidewater News"}},
		{"a state's bank is no title",
			"The Bank of England and the Bank of Japan bought sterling, Standard and Poor's Corp said.",
			map[string]string{"Bank of England": article.Organization, "Bank of Japan": article.Organization, "Standard and Poor's Corp": article.Organization},
			[]string{"Poor's Corp"}},
		{"the outlet told is no actor",
			"Prices will rise, Lena Holt told Reuters. The Orvik Herald said so too, and Holt told the Orvik Herald more.",
			map[string]string{"Lena Holt": article.Person, "Orvik Herald": article.Organization},
			[]string{"Reuters"}},
		{"a sentence's period leaves a company's name",
			"Shares of Tilvane Foods Co. rose.\n\nThe buyer was Tilvane Foods Co.",
			map[string]string{"Tilvane Foods Co.": article.Organization},
			[]string{"Tilvane Foods Co"}},
		{"a company named last in its paragraph",
			"The buyer was Tilvane Foods Co.",
			map[string]string{"Tilvane Foods Co": article.Organization},
			nil},
		{"New opens a name",
			"Shares fell on the New York Stock Exchange.",
			map[string]string{"New York Stock Exchange": article.Organization},
			[]string{"York Stock Exchange"}},
		{"particles and initials stay in a name",
			"F.W. de Klerk met Nikolaus van der Pas.",
			map[string]string{"F.W. de Klerk": article.Person, "Nikolaus van der Pas": article.Person},
			[]string{"F.W", "Pas"}},
		// Titles and appositions.
		{"titles and nationalities before a given name are split off",
			"Chancellor of the Exchequer Nigel Lawson met Treasury Secertary James Baker and Belgian Willy de Clercq. Accountant Natalya Sypron took notes.",
			map[string]string{"Nigel Lawson": article.Person, "James Baker": article.Person, "Willy de Clercq": article.Person, "Natalya Sypron": article.Person},
			[]string{"Exchequer Nigel Lawson", "Treasury Secertary James Baker", "Belgian Willy de Clercq", "Accountant Natalya Sypron"}},
		{"of <place> and of <employer> are split off",
			"Wayne Ferreira of South Africa won. Arvid Jauppi of Arvid Jauppi and Associates said prices would rise.",
			map[string]string{"Wayne Ferreira": article.Person, "Arvid Jauppi": article.Person, "Arvid Jauppi and Associates": article.Organization},
			[]string{"Wayne Ferreira of South Africa", "South Africa", "Arvid Jauppi of Arvid Jauppi and Associates"}},
		{"a title with no name after it is no actor",
			"The Minister of Trade met President Hal Borden. The President left.",
			map[string]string{"Hal Borden": article.Person},
			[]string{"of Trade", "Trade", "President"}},
		{"a nationality before a ministry only places it",
			"The French Interior Ministry and the Bavarian Interior Ministry disagreed.",
			map[string]string{"Interior Ministry": article.Organization},
			[]string{"French Interior Ministry", "Bavarian Interior Ministry"}},
		{"an acronym defined in the text is its long form",
			"The Civic Democratic Party (ODS) won. ODS leaders celebrated.",
			map[string]string{"Civic Democratic Party": article.Organization},
			[]string{"ODS"}},
		// Sentence starts, places and things.
		{"a common word opening a sentence is no name",
			"Shares of Halvern Thai Holdings rose. Rare Tomlinson letters were sold.",
			map[string]string{"Halvern Thai Holdings": article.Organization},
			[]string{"Shares of Halvern Thai Holdings", "Rare Tomlinson"}},
		{"places are never actors",
			"Soviet Union officials met in the West Bank and the United Arab Emirates. Neighbouring Ghana agreed. HK and NZ traders watched the Allenby Bridge.",
			nil,
			[]string{"Soviet Union", "West Bank", "United Arab Emirates", "Arab Emirates", "Neighbouring Ghana", "HK", "NZ", "Allenby Bridge"}},
		{"unknown places by their preposition",
			"Fighting went on in Grozny. Rebels near Vedeno and in the city of Shali regrouped.",
			nil,
			[]string{"Grozny", "Vedeno", "Shali"}},
		{"creeds, peoples, events and codes are not actors",
			"The Roman Catholic bishop spoke of Bosnian Serb forces, Hurricane Edouard, the CAC-40 index and Israeli-Syrian talks.",
			nil,
			[]string{"Roman Catholic", "Bosnian Serb", "Hurricane Edouard", "CAC-40", "Israeli-Syrian"}},
		{"names no word classifies are typed by shape",
			"Officials met Aslan Maskhadov, the International Red Crescent and Anderson Cooper.",
			map[string]string{"Aslan Maskhadov": article.Person, "International Red Crescent": article.Organization, "Anderson Cooper": article.Person},
			nil},
		{"lone unknown names are typed by their context",
			"The carmaker Porsche gained. Statoil said it would bid. Turabi said he was pleased. Talks with Likud stalled.",
			map[string]string{"Porsche": article.Organization, "Statoil": article.Organization, "Turabi": article.Person},
			[]string{"Likud"}},
		{"a place in a list of places is no actor",
			"Livestock losses in Turkana, Marsabit and Kelumba reached new highs, Dida Kamau said.",
			map[string]string{"Dida Kamau": article.Person},
			[]string{"Kelumba", "Marsabit"}},
		{"a people before a group noun is no actor",
			"Voranese leaders say the brine pumping dries out their wells. Voranese communities want a say.",
			nil,
			[]string{"Voranese"}},
		{"an apposition after its noun types the name",
			"The national crop agency, Cordab, is due to publish a revised estimate.",
			map[string]string{"Cordab": article.Organization},
			nil},
		{"a forum is an organisation",
			"Tom Pryce, director of policy at the Open Rights Forum, criticised the bill.",
			map[string]string{"Open Rights Forum": article.Organization, "Tom Pryce": article.Person},
			nil},
		{"a company and its unnamed plant site",
			"Zastrovia Holdings cut jobs at its Velbruck plant. Analysts at Kronfeld & Marr said Zastrovia would sell the plant.",
			map[string]string{"Zastrovia Holdings": article.Organization},
			[]string{"Velbruck"}},
		{"a dateline with a typo'd date is no actor",
			"TAFT, Calif., Apri l7 - Berry Petroleum Co said its board approved the sale.",
			map[string]string{"Berry Petroleum Co": article.Organization},
			[]string{"TAFT"}},
		{"an acronym of a long form in the article is the same organisation",
			"The Securities and Exchange Commission opened an inquiry. The SEC said Varnel Corp had not replied. The U.S. Agriculture Department cut its forecast, and USDA officials said exports fell.",
			map[string]string{"Securities and Exchange Commission": article.Organization, "U.S. Agriculture Department": article.Organization, "Varnel Corp": article.Organization},
			[]string{"SEC", "USDA"}},
		{"a company's first word alone is the company",
			"Dravonil Co said it had no offer. A lawyer for Dravonil said the talks went on. Bell and Wireford Plc gained, and a Bell spokesman said \"we are pleased,\" he said. Sparvik Aerospace Ltd lost money; Sparvik said it would cut jobs.",
			map[string]string{"Dravonil Co": article.Organization, "Bell and Wireford Plc": article.Organization, "Sparvik Aerospace Ltd": article.Organization},
			[]string{"Dravonil", "Bell", "Wireford Plc", "Sparvik"}},
		{"party words, roles and titles stay out of names",
			"Lib Dem Norman Vasey said the plan was flawed. The Lib Dems' Davin Lorr agreed. Maronite Patriarch Sfevan met Indonesian Minister of Mines and Energy Sutarjo. Giant ISP AOL said Tom Drell, the Wexford Central MP, and a Texas Democrat backed it. The Lib Dems said so, and Frank Vellum MP agreed.",
			map[string]string{"Norman Vasey": article.Person, "Davin Lorr": article.Person, "Sfevan": article.Person, "Sutarjo": article.Person, "AOL": article.Organization, "Tom Drell": article.Person, "Lib Dems": article.Organization, "Frank Vellum": article.Person},
			[]string{"Lib Dem Norman Vasey", "Lib Dem", "Maronite Patriarch Sfevan", "Energy Sutarjo", "ISP AOL", "Wexford Central MP", "Texas Democrat", "Frank Vellum MP"}},
		{"a lone name used as a company is an organisation",
			"Shares of Dravonix rose. Wanelle cut its prices on Monday. Kotrel raised his bid.",
			map[string]string{"Dravonix": article.Organization, "Wanelle": article.Organization, "Kotrel": article.Person},
			nil},
		{"a legal form before a name makes a company; a party's adjective alone is no actor",
			"Meanwhile, N.V. Dravelips said it would cut jobs, amid Tory claims of waste. The Tories said nothing.",
			map[string]string{"N.V. Dravelips": article.Organization, "Tories": article.Organization},
			[]string{"Tory"}},
		{"words alone are not names",
			"Sale Amount and Working Capital were listed.",
			nil,
			[]string{"Sale Amount", "Working Capital"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustPeople(t, tt.body)
			got := map[string]string{}
			for _, ac := range a.Actors {
				got[ac.Name] = ac.Type
			}
			for n, typ := range tt.want {
				if got[n] != typ {
					t.Errorf("people(%q): actor %q = %q, want %q (actors %v)", tt.body, n, got[n], typ, a.Actors)
				}
			}
			for _, n := range tt.notWant {
				if _, ok := got[n]; ok {
					t.Errorf("people(%q): stray actor %q (actors %v)", tt.body, n, a.Actors)
				}
			}
		})
	}
}

func TestSpeakersInOrder(t *testing.T) {
	body := "\"We will win this race,\" Jane Okafor said.\n\n\"No, we will win it,\" said Tom Brandt.\n\n\"We shall see about that,\" Okafor added."
	a := mustPeople(t, body)
	want := []string{"Jane Okafor", "Tom Brandt"}
	if len(a.Speakers) != len(want) || a.Speakers[0] != want[0] || a.Speakers[1] != want[1] {
		t.Errorf("people(%q).Speakers = %q, want %q", body, a.Speakers, want)
	}
	if len(a.Quotes) != 3 || a.Quotes[2].Speaker != "Jane Okafor" {
		t.Errorf("people(%q): third quote %+v, want speaker Jane Okafor", body, a.Quotes)
	}
}
