package extract

import "testing"

// TestSpeakers checks who a quote is given to in each house style: names,
// descriptions resolved to a name or kept apart, addressees, pronouns.
func TestSpeakers(t *testing.T) {
	type want struct{ text, speaker, desc string }
	tests := []struct {
		name, body string
		want       []want
	}{
		{"unnamed spokesman keeps the description",
			"The ministry will publish the bill next month. \"We expect a lively debate,\" a spokesman said.",
			[]want{{"We expect a lively debate,", "a spokesman", "a spokesman"}}},
		{"anonymous description stays anonymous",
			"A spokesman for Harbour Freight Group said the talks went on. \"Nothing is agreed yet,\" the spokesman added.",
			[]want{{"Nothing is agreed yet,", "the spokesman", "the spokesman"}}},
		{"wire: the company is the organisation named before",
			"Harbour Freight Group, which runs the port, said on Monday it would cut 200 jobs.\n\n\"The cuts are painful but necessary,\" the company said.",
			[]want{{"The cuts are painful but necessary,", "Harbour Freight Group", ""}}},
		{"BBC: it said is the organisation the story is about",
			"Harbour Freight Group has closed its Leeds depot. \"The site was no longer viable,\" it said.",
			[]want{{"The site was no longer viable,", "Harbour Freight Group", ""}}},
		{"sport: the 36-year-old is the player named before",
			"Former Rovers captain Tomas Berger says the club can win the league. \"We are stronger now than ever,\" the 36-year-old said.",
			[]want{{"We are stronger now than ever,", "Tomas Berger", ""}}},
		{"a role given to a name",
			"Tindale's agent Dipo Okafor says two clubs want to talk. \"He wants to stay but he must be paid what he is worth,\" the agent added.",
			[]want{{"He wants to stay but he must be paid what he is worth,", "Dipo Okafor", ""}}},
		{"a possessor is no speaker",
			"Ruth Avery reviewed the film. Carl Moreno's film is long, she wrote. \"It drags in the middle,\" she said.",
			[]want{{"It drags in the middle,", "Ruth Avery", ""}}},
		{"addressee before a colon",
			"Senator Ana Costa told the BBC: \"We will vote against the bill.\"",
			[]want{{"We will vote against the bill.", "Ana Costa", ""}}},
		{"told the wire before a colon: the described speaker",
			"Ferrowick Steel made a bid. A Ferrowick executive, who asked not to be named, told\nNewsline: \"We do not expect any special problems.\"",
			[]want{{"We do not expect any special problems.", "A Ferrowick executive", "A Ferrowick executive"}}},
		{"told the wire after an appositive: the named speaker",
			"\"We would need some assurances first,\" Tomas Kaye, administrator of the agency's Foreign Grain Service, told Newsline.",
			[]want{{"We would need some assurances first,", "Tomas Kaye", ""}}},
		{"the agent of a participle is no speaker",
			"Dealers were nervous. A Ferrowick spokesman contacted by Newsline said only that the report was \"pure speculation without any basis.\"\n\n\"The dollar will test its low again,\" currency analysts polled by Newsline said.",
			[]want{{"pure speculation without any basis.", "A Ferrowick spokesman", "A Ferrowick spokesman"}, {"The dollar will test its low again,", "currency analysts", "currency analysts"}}},
		{"the quote's own cue wins over the next sentence's",
			"Ms Brankin said: \"We need to reflect on this.\" Ms Okoro has written to the minister.",
			[]want{{"We need to reflect on this.", "Brankin", ""}}},
		{"organisation named by its possessor",
			"Brazil's agriculture ministry called the ban \"prejudice, not evidence.\"",
			[]want{{"prejudice, not evidence.", "Brazil's agriculture ministry", ""}}},
		{"tabloid: pronoun chain past an object",
			"Dave Rook is a legend at the club. He played 300 games. So he is full of praise for his old team-mates Gary Pell and Lee Stone. \"They were the best I played with,\" he said.",
			[]want{{"They were the best I played with,", "Dave Rook", ""}}},
		{"a speaker also known by a fuller name",
			"\"The show is an institution,\" says JK, also known as Jason Kemp.",
			[]want{{"The show is an institution,", "Jason Kemp", ""}}},
		{"wire: the agency quoted someone as saying",
			"\"The company has been destroyed,\" the Interfax news agency quoted Mr Petrov as saying.",
			[]want{{"The company has been destroyed,", "Petrov", ""}}},
		{"the quote speaks of its pronoun's nearest name",
			"Paul Hardy praised his team-mates. Sean Bright has doubts about his future. \"I think Sean's situation is about the number of games,\" he said.",
			[]want{{"I think Sean's situation is about the number of games,", "Paul Hardy", ""}}},
		{"participle past a partial quote",
			"Earlier Tory leader Michael Hale sent the winner his \"warmest congratulations\", saying: \"We look to the president to unite the country.\"",
			[]want{{"We look to the president to unite the country.", "Michael Hale", ""}}},
		{"interview: the next answer carries the speaker",
			"Mina Sato spoke to us at her studio.\n\n\"I paint every morning,\" she said.\n\n\"The light is best before nine.\"",
			[]want{{"I paint every morning,", "Mina Sato", ""}, {"The light is best before nine.", "Mina Sato", ""}}},
		{"wire: a name beside the description is the speaker",
			"Turnout rose in the north.\n\n\"We knocked on every door twice,\" Lund's campaign manager, Pia Ostberg, said in an interview.",
			[]want{{"We knocked on every door twice,", "Pia Ostberg", ""}}},
		{"wire: a name that opens the description is the speaker",
			"Delegates cheered.\n\n\"There is real hope in this hall,\" said Tomas Haldane of the Ohio delegation.",
			[]want{{"There is real hope in this hall,", "Tomas Haldane", ""}}},
		{"wire: the cue ends the sentence before an appositive",
			"The count went on overnight.\n\nOfficials said the result would come later. Aides were calm.\n\n\"It looks extremely unlikely\" that Morrow can catch up, said Karl Ibsen, a pollster at Northgate Research. \"The numbers are not there,\" Ibsen said.",
			[]want{{"It looks extremely unlikely", "Karl Ibsen", ""}, {"The numbers are not there,", "Karl Ibsen", ""}}},
		{"a role before a relative clause does not describe the name after it",
			"Spending rose.\n\n\"I would want answers,\" said a prominent Republican National Committee member who supports Mark Dole, asking for anonymity.\n\nMark Dole paid himself rent.\n\n\"Nobody cares when you spend your own money,\" the RNC member said.",
			[]want{{"I would want answers,", "a prominent Republican National Committee member", "a prominent Republican National Committee member"}, {"Nobody cares when you spend your own money,", "the RNC member", "the RNC member"}}},
		{"a description keeps the phrase saying whose the speaker is",
			"Polls tightened.\n\n\"We have a ton of work to do,\" said a longtime adviser to both Hallorans, who asked not to be named.\n\n\"The drop is real,\" said a person close to the campaign.\n\n\"Nothing is agreed,\" said a spokesman for committee Democrats.",
			[]want{{"We have a ton of work to do,", "a longtime adviser to both Hallorans", "a longtime adviser to both Hallorans"},
				{"The drop is real,", "a person close to the campaign", "a person close to the campaign"},
				{"Nothing is agreed,", "a spokesman for committee Democrats", "a spokesman for committee Democrats"}}},
		{"a description's modifier stops before a verb and gives back a dangling word",
			"The vote was close.\n\n\"We lost,\" said a spokesman for Harbour Freight, who declined to say more.\n\n\"We lost,\" said one of the \"Green Group\" organisers.",
			[]want{{"We lost,", "a spokesman for Harbour Freight", "a spokesman for Harbour Freight"},
				{"We lost,", "one", "one"}}},
		{"fact-check style: a dash paragraph signs the quote above it",
			"Claims were checked.\n\n\"I helped write that bill.\"\n\n- Ben Ardley.\n\nArdley wrote one amendment.\n\n\"We never quit.\"\n\n-Senator Mara Quist, tweeting after the speech.",
			[]want{{"I helped write that bill.", "Ben Ardley", ""}, {"We never quit.", "Mara Quist", ""}}},
		{"a partial quote in a reported clause is the reporter's",
			"The race tightened.\n\nMara Quist says rival Tom Ardley accepted $200,000 from banks and \"there is nothing wrong with that.\"\n\nQuist said Ardley called the plan \"a fantasy nobody will pay for.\"\n\nBen Lodge said the party had lost, though he contended the result \"was not the end.\"",
			[]want{{"there is nothing wrong with that.", "Mara Quist", ""}, {"a fantasy nobody will pay for.", "Tom Ardley", ""}, {"was not the end.", "Ben Lodge", ""}}},
		{"an adverbial phrase between subject and verb is no speaker",
			"Costs rose.\n\nMara Quist at the time said she had asked her \"people\" to \"look into paying the fees.\"",
			[]want{{"people", "Mara Quist", ""}, {"look into paying the fees.", "Mara Quist", ""}}},
		{"a name in UTF-8 read as Latin-1 stays whole, composed or not",
			"Paris was calm.\n\n\"He kept the wrong company,\" said prosecutor Marc Tr\u00c3\u00a9vidic.\n\n\"We choose peace,\" said President Enrique PeA\u0303\u00b1a Nieto.",
			[]want{{"He kept the wrong company,", "Marc Tr\u00c3\u00a9vidic", ""}, {"We choose peace,", "Enrique PeA\u0303\u00b1a Nieto", ""}}},
		{"a transcript: a name, a parenthesis and a colon before the quote",
			"The hearing was tense.\n\nRep. Ted Wardle (R-S.C.):\"Who told you that figure?\"\n\nFormer secretary of state Ana Morel:\"We learned it from the department.\"",
			[]want{{"Who told you that figure?", "Ted Wardle", ""}, {"We learned it from the department.", "Ana Morel", ""}}},
		{"a speech verb inverted after a comma, the name right before the quote",
			"The calendar is short.\n\nBecause of how the schedule was built, explained Ben Rosen, \"this thing will be over by March.\"\n\nMara Quist, who ran the count, told Harbour Radio, \"We are done here for now.\"",
			[]want{{"this thing will be over by March.", "Ben Rosen", ""}, {"We are done here for now.", "Mara Quist", ""}}},
		{"a person named before \"of\" and an organisation is the speaker",
			"Experts agreed.\n\n\"It was a long shot,\" said Sara Velde of the University of Harbour School of Law.",
			[]want{{"It was a long shot,", "Sara Velde", ""}}},
		{"a cue in a clause of the last quote's sentence does not take the next quote",
			"The interview ran long.\n\n\"Your reputation is amazing,\" Tom Ardley assured Ben Rosen, after Rosen assured Ardley that his listeners supported him. \"I will not let you down.\"",
			[]want{{"Your reputation is amazing,", "Tom Ardley", ""}, {"I will not let you down.", "Tom Ardley", ""}}},
		{"a place-based modifier before a role does not hide the name after it",
			"Support fell.\n\n\"How much worse could it get?\" said Harbour-based Republican strategist Al Carden, referring to the polls.",
			[]want{{"How much worse could it get?", "Al Carden", ""}}},
		{"a place in an aside between subject and verb is no speaker",
			"The campaign went on.\n\nMara Quist, during a town hall meeting in Columbus, Ohio, said she was \"going to put a lot of miners out of business,\" while explaining her plan.",
			[]want{{"going to put a lot of miners out of business,", "Mara Quist", ""}}},
		{"a description wrapped over two lines is one line",
			"Bonds fell.\n\n\"We expect a firm market next month,\" one bond\nmanager said.",
			[]want{{"We expect a firm market next month,", "one bond manager", "one bond manager"}}},
		{"a plural role opening the sentence describes, it names no one",
			"Rates fell.\n\nBankers say the next cut is \"a matter of weeks away\".\n\nProsecutors said the case was \"the biggest fraud in a decade\".",
			[]want{{"a matter of weeks away", "Bankers", "Bankers"}, {"the biggest fraud in a decade", "Prosecutors", "Prosecutors"}}},
		{"a possessor with no head noun after a quote is no speaker",
			"Home Secretary Charles Clarke spoke in Gateshead. \"It is a moral duty,\" he said.\n\n\"We want more people to come and study.\" Mr Blair's was asked about it on Wednesday.",
			[]want{{"It is a moral duty,", "Charles Clarke", ""}, {"We want more people to come and study.", "Charles Clarke", ""}}},
		{"a generational suffix stays with the name before its appositive",
			"Reed won the vote.\n\n\"Yes, I support Tom Reed,\" Brent Oakley III, founder of the Media Trust, tells the paper in an interview.",
			[]want{{"Yes, I support Tom Reed,", "Brent Oakley", ""}}},
		{"a code before a role does not hide the name after it",
			"Firms sold data to the campaign.\n\n\"It was a sizable purchase,\" said K9 president Bruce Wallin, who gave no price.",
			[]want{{"It was a sizable purchase,", "Bruce Wallin", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustPeople(t, tt.body)
			if len(a.Quotes) != len(tt.want) {
				t.Fatalf("people(%q): %d quotes %+v, want %d", tt.body, len(a.Quotes), a.Quotes, len(tt.want))
			}
			for i, w := range tt.want {
				q := a.Quotes[i]
				got := want{q.Text, q.Speaker, q.SpeakerDescription}
				if got != w {
					t.Errorf("people(%q) quote %d = %q, want %q", tt.body, i, got, w)
				}
				if q.SpeakerDescription != "" && (q.SpeakerNamed || q.Speaker != q.SpeakerDescription) {
					t.Errorf("people(%q) quote %d: described speaker %q, named %v, want the description, unnamed", tt.body, i, q.Speaker, q.SpeakerNamed)
				}
				if q.SpeakerDescription == "" && q.SpeakerNamed != (q.Speaker != "") {
					t.Errorf("people(%q) quote %d: speaker %q named %v", tt.body, i, q.Speaker, q.SpeakerNamed)
				}
			}
		})
	}
}
