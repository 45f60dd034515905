package extract

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/newsdex/newsdex/internal/article"
	"github.com/newsdex/newsdex/internal/gazetteer"
)

// mustPeople runs the people extractor on body and returns the article.
func mustPeople(tb testing.TB, body string) *article.Article {
	tb.Helper()
	a := &article.Article{Body: body}
	New(gazetteer.Default()).people(a)
	checkOffsets(tb, a)
	return a
}

// checkOffsets fails when a quote's offsets leave the body or its text is
// not exactly what they cover: every quote, each part of a cut one too, is
// verbatim.
func checkOffsets(tb testing.TB, a *article.Article) {
	tb.Helper()
	runes := []rune(a.Body)
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > len(runes) || q.Start >= q.End {
			tb.Fatalf("quote %q: offsets %d:%d outside body of %d code points", q.Text, q.Start, q.End, len(runes))
		}
		if slice := string(runes[q.Start:q.End]); q.Text != slice {
			tb.Fatalf("quote %q: body[%d:%d] = %q", q.Text, q.Start, q.End, slice)
		}
	}
	if q := a.Quotes; len(q) > 0 && !utf8.ValidString(q[0].Text) {
		tb.Fatalf("quote text is not valid UTF-8: %q", q[0].Text)
	}
}

func TestQuotes(t *testing.T) {
	type want struct{ text, speaker, title, cue string }
	tests := []struct {
		name   string
		body   string
		want   []want
		groups []int // each quote's Group, when not all 0
	}{
		{"curly, name after", "\u201cWe will not give up the fight,\u201d Hussein said.",
			[]want{{"We will not give up the fight,", "Hussein", "", "said"}}, nil},
		{"straight, inverted", "\"We will not give up the fight,\" said Maria Lopez.",
			[]want{{"We will not give up the fight,", "Maria Lopez", "", "said"}}, nil},
		{"title kept apart", "Foreign Minister Fuad Hussein spoke in London.\n\n\"We hope the talks go on for months,\" Hussein said.",
			[]want{{"We hope the talks go on for months,", "Fuad Hussein", "Foreign Minister", "said"}}, nil},
		{"a title with \"of the\" stays whole", "Sterling held.\n\n\"The pound is stable,\" Chancellor of the Exchequer Nigel Lawson said in London.",
			[]want{{"The pound is stable,", "Nigel Lawson", "Chancellor of the Exchequer", "said"}}, nil},
		{"a title wrapped over two lines is one line", "The deal closed.\n\n\"The deal is done,\" said Plessey\nTelecommunications Managing Director John Carr.",
			[]want{{"The deal is done,", "John Carr", "Plessey Telecommunications Managing Director", "said"}}, nil},
		{"colon before", "The senator told reporters: \"This bill will not pass the House.\"",
			[]want{{"This bill will not pass the House.", "The senator", "", "told"}}, nil},
		{"name and said before", "Angela Brandt said, \"The plant will close by the end of June.\"",
			[]want{{"The plant will close by the end of June.", "Angela Brandt", "", "said"}}, nil},
		{"pronoun", "Governor Tom Walsh spoke for an hour. \"We have no money left for roads,\" he said.",
			[]want{{"We have no money left for roads,", "Tom Walsh", "Governor", "said"}}, nil},
		{"pronoun by gender", "Mary Hale met John Carver on Monday. \"The deal is done and signed,\" she said.",
			[]want{{"The deal is done and signed,", "Mary Hale", "", "said"}}, nil},
		{"organisation", "\"Output fell for a third month in a row,\" Reuters reported.",
			[]want{{"Output fell for a third month in a row,", "Reuters", "", "reported"}}, nil},
		{"according to", "According to the Ministry of Finance, \"the deficit will double next year.\"",
			[]want{{"the deficit will double next year.", "Ministry of Finance", "", "according to"}}, nil},
		{"partial quote", "The Daily Courier praised Clinton. Clinton is \"dogged, resilient and tough,\" the newspaper wrote.",
			[]want{{"dogged, resilient and tough,", "Daily Courier", "", "wrote"}}, nil},
		{"split quote is two parts", "\"We hope,\" Ana Ruiz said, \"that the strike ends this week.\"",
			[]want{{"We hope,", "Ana Ruiz", "", "said"}, {"that the strike ends this week.", "Ana Ruiz", "", "said"}}, []int{1, 1}},
		{"single quotes inside", "\"He told me 'never again' and left the room,\" Paul Grant said.",
			[]want{{"He told me 'never again' and left the room,", "Paul Grant", "", "said"}}, nil},
		{"merged paragraphs: a part ends at the next opening mark", "Ana Ruiz said: \"We waited all winter. \"Now the road is open,\" she added. The council met on Monday.",
			[]want{{"We waited all winter.", "Ana Ruiz", "", "said"}, {"Now the road is open,", "Ana Ruiz", "", "said"}}, []int{1, 1}},
		{"merged paragraphs: narration after a part is no quote", "\"The mill will close. \"Nobody told us,\" said Paul Grant. The mill opened in 1921 and employed 300 people. \"We will fight,\" he said.",
			[]want{{"The mill will close.", "Paul Grant", "", "said"}, {"Nobody told us,", "Paul Grant", "", "said"}, {"We will fight,", "Paul Grant", "", "said"}}, []int{1, 1, 0}},
		{"merged paragraphs, curly marks", "\u201cWe waited all winter. \u201cNow the road is open,\u201d said Ana Ruiz.",
			[]want{{"We waited all winter.", "Ana Ruiz", "", "said"}, {"Now the road is open,", "Ana Ruiz", "", "said"}}, []int{1, 1}},
		{"partial quotes of one or two words", "Lena Ortiz said the plans were \"inadequate\" and \"badly costed\". The claims were \"wholly unfounded,\" Omar Haddad insisted.",
			[]want{{"inadequate", "Lena Ortiz", "", "said"}, {"badly costed", "Lena Ortiz", "", "said"}, {"wholly unfounded,", "Omar Haddad", "", "insisted"}}, nil},
		{"short labels dropped", "Omar Haddad called the plan a \"disgrace\". He said the so-called \"final offer\" was late. Fans dubbed it \"the Battle\".", nil, nil},
		{"a hyphenated word is no title", "He says he was not \"German-bashing\" at all.",
			[]want{{"German-bashing", "", "", "says"}}, nil},
		{"interrupted quote with an appositive", "\"It is a front,\" said Ana Ruiz, an analyst in Lima. \"We do not know who is behind it.\"",
			[]want{{"It is a front,", "Ana Ruiz", "", "said"}, {"We do not know who is behind it.", "Ana Ruiz", "", "said"}}, []int{1, 1}},
		{"another sentence between: two quotes", "\"It is a front,\" said Ana Ruiz. Prices rose on Monday. \"We do not know who is behind it.\"",
			[]want{{"It is a front,", "Ana Ruiz", "", "said"}, {"We do not know who is behind it.", "Ana Ruiz", "", "said"}}, nil},
		{"curly quotes inside a straight quote", "Rosa Lind said:\n\n\"It comes across as \u201ctoo loud\u201d or \u201ctoo shrill\u201d to them.\"",
			[]want{{"It comes across as \u201ctoo loud\u201d or \u201ctoo shrill\u201d to them.", "Rosa Lind", "", "said"}}, nil},
		{"a break inside a sentence is no paragraph", "\"He wanted to look like a leader. I\n\nwas\n\nthe leader and I wanted a fight,\" says Mr Major.",
			[]want{{"He wanted to look like a leader. I\n\nwas\n\nthe leader and I wanted a fight,", "Major", "", "says"}}, nil},
		{"interview Q and A", "Ana Ruiz, a chef, spoke to us in Lima.\n\nQ. Why fish?\n\nA. It is what the sea gives us.\n\nQ. And next year?\n\nA. More of the same, but better.\n\nQ. Thank you.\n\nA. Thank you for coming.",
			[]want{{"It is what the sea gives us.", "Ana Ruiz", "", "A."}, {"More of the same, but better.", "Ana Ruiz", "", "A."}, {"Thank you for coming.", "Ana Ruiz", "", "A."}}, nil},
		{"Q and A with no one named", "Q: Why fish?\n\nA: It is what the sea gives us.\n\nQ: And next year?\n\nA: More of the same.", nil, nil},
		{"one A: is no interview", "Plan A: build the road first and the bridge later.\n\nQ: Why? Nobody knows.", nil, nil},
		{"scare quotes dropped", "The so-called \"reform\" drew \"fake news\" claims from the \"Iron Lady\" herself.", nil, nil},
		{"title of a work dropped", "She read \"The Art of the Deal\" twice before the debate.", nil, nil},
		{"carry-over paragraph", "\"We will rebuild the bridge,\" Mayor Ellen Park said.\n\n\"It will take two years and cost a lot of money.\"",
			[]want{{"We will rebuild the bridge,", "Ellen Park", "Mayor", "said"}, {"It will take two years and cost a lot of money.", "Ellen Park", "Mayor", "said"}}, nil},
		{"multi-paragraph quote", "Ellen Park said: \"We will rebuild the bridge.\n\n\"It will take two years.\"",
			[]want{{"We will rebuild the bridge.\n\n\"It will take two years.", "Ellen Park", "", "said"}}, nil},
		{"dash attribution", "\u201cThe most unqualified man to ever run for office.\u201d \u2015 Frank Herrera",
			[]want{{"The most unqualified man to ever run for office.", "Frank Herrera", "", ""}}, nil},
		{"dash attribution, one a line", "\u201cThe road to the mine is closed again.\u201d \u2015 Lena Ortiz\n\u201cNobody told the drivers about the detour.\u201d \u2015 Omar Haddad\n\u201cWe lost a whole day of work.\u201d\u2015 Rita Gomez",
			[]want{{"The road to the mine is closed again.", "Lena Ortiz", "", ""}, {"Nobody told the drivers about the detour.", "Omar Haddad", "", ""}, {"We lost a whole day of work.", "Rita Gomez", "", ""}}, nil},
		{"participle after an object", "Speaking at a school in Tema, Grace Mensah went after Paul Otieno, calling him \"a man with no plan at all.\"",
			[]want{{"a man with no plan at all.", "Grace Mensah", "", "calling"}}, nil},
		{"participle after a statement", "The Dockers' Union issued a statement saying the strike was \"the only choice we had left.\"",
			[]want{{"the only choice we had left.", "Dockers' Union", "", "saying"}}, nil},
		{"participle after a possessor", "Lund's campaign sent out a press release saying Otieno owes voters \"an apology for the closures.\"",
			[]want{{"an apology for the closures.", "Lund's campaign", "", "saying"}}, nil},
		{"participle after a cue", "The ship left before dawn, Captain Ivo Marin said, adding, \"We had no reason to wait.\"",
			[]want{{"We had no reason to wait.", "Ivo Marin", "Captain", "adding"}}, nil},
		{"participle after a person", "The crowd cheered, with Peter Lund saying \"this is our night, not theirs.\"",
			[]want{{"this is our night, not theirs.", "Peter Lund", "", "saying"}}, nil},
		{"inverted verb and colon", "The council met on Monday.\n\nStated Pike: \"The budget is a fiction and everyone knows it.\"",
			[]want{{"The budget is a fiction and everyone knows it.", "Pike", "", "stated"}}, nil},
		{"opening mark used to close", "The mill closed in May.\n\n\u201cIt was coming,\u201c said Nora Vance, a union steward. \u201cNobody here is surprised at all.\u201d",
			[]want{{"It was coming,", "Nora Vance", "", "said"}, {"Nobody here is surprised at all.", "Nora Vance", "", "said"}}, []int{1, 1}},
		{"curly quote inside straight", "Rosa Lind read the ballot out:\n\n\"The question runs: \u201cShould the mine stay open?\u201d Yes, 43; no, 44.\"",
			[]want{{"The question runs: \u201cShould the mine stay open?\u201d Yes, 43; no, 44.", "Rosa Lind", "", "read"}}, nil},
		{"stray closing mark", "The poll asked voters about the mayor. Yes, 43; no, 44.\"\n\n\u201cThis is in their heads,\u201d said Nora Vance, speaking of the mayor. \u201cIt is one of the things that worry them.\u201d",
			[]want{{"This is in their heads,", "Nora Vance", "", "said"}, {"It is one of the things that worry them.", "Nora Vance", "", "said"}}, []int{1, 1}},
		{"long appositive before the verb", "Tom Baird, a retired miner who voted for Lena Ortiz and Omar Haddad in past years, said of the race:\n\n\"There is only one name I trust now.\"",
			[]want{{"There is only one name I trust now.", "Tom Baird", "", "said"}}, nil},
		{"cue opening the next sentence", "Mayor Ana Costa said the plan \"needs more time.\" Governor Luis Prado said it would be \"a waste of public money\" to wait.",
			[]want{{"needs more time.", "Ana Costa", "Mayor", "said"}, {"a waste of public money", "Luis Prado", "Governor", "said"}}, nil},
		{"cue closing the sentence", "\"The plan needs more time.\" Governor Luis Prado said on Friday.",
			[]want{{"The plan needs more time.", "Luis Prado", "Governor", "said"}}, nil},
		{"pronoun before a later name", "General Omar Haddad spoke after the vote. He said that under Governor Lena Ortiz, \"the army has been cut to the bone.\"",
			[]want{{"the army has been cut to the bone.", "Omar Haddad", "General", "said"}}, nil},
		{"cue ends the sentence", "A clerk who \"takes a few coins from the till\" is sacked on the spot, Ruth Avery said. Bosses are not.",
			[]want{{"takes a few coins from the till", "Ruth Avery", "", "said"}}, nil},
		{"cue ends the sentence, inverted", "Bosses who \"lose millions of other people's money\" keep their bonuses, said Ruth Avery.",
			[]want{{"lose millions of other people's money", "Ruth Avery", "", "said"}}, nil},
		{"two appositives", "Marc Duval, the foreign minister of France, a permanent member of the council, said the test \"cannot go without an answer.\"",
			[]want{{"cannot go without an answer.", "Marc Duval", "", "said"}}, nil},
		{"paragraph subject, not its object", "Mayor Ana Costa toured the site with Governor Luis Prado.\n\nCosta praised Prado's patience during the long talks with the unions.\n\n\"We would not be here without the unions at the table.\"",
			[]want{{"We would not be here without the unions at the table.", "Ana Costa", "Mayor", "praised"}}, nil},
		{"pronoun prefers the subject", "Lena Ortiz met Paula Reyes in Lima on Monday. \"We agreed on nothing at all,\" she said.",
			[]want{{"We agreed on nothing at all,", "Lena Ortiz", "", "said"}}, nil},
		{"description as antecedent", "Health Minister Ama Boateng opened the clinic.\n\n\"It is a good day for the north,\" said Yaw Darko, a local chief.\n\nThe minister said the clinic would treat 200 patients a day.\n\n\"We will build two more,\" she added.",
			[]want{{"It is a good day for the north,", "Yaw Darko", "", "said"}, {"We will build two more,", "Ama Boateng", "Health Minister", "added"}}, nil},
		{"description fits no one", "Peter Darko, a farmer, met Finance Minister Kwame Asante.\n\nThe mayor said the road would open soon. Darko said he was glad.\n\n\"We waited ten years,\" he said.",
			[]want{{"We waited ten years,", "Peter Darko", "", "said"}}, nil},
		{"an inverted cue is stored in lower case", "The council met.\n\nSaid Ana Ruiz: \"We waited all winter for the road.\"",
			[]want{{"We waited all winter for the road.", "Ana Ruiz", "", "said"}}, nil},
		{"a colon is no cue", "Nobody answered the question put by nurse Rosa Lind: \"Would you work nights for five pounds an hour?\"",
			[]want{{"Would you work nights for five pounds an hour?", "Rosa Lind", "", ""}}, nil},
		{"wire style: two apostrophes close a quote", "Demand was flat.\n\n\"Prices will rise later this year.'' Tom Miles said. The company''s shares rose.",
			[]want{{"Prices will rise later this year.", "Tom Miles", "", "said"}}, nil},
		{"typewriter and doubled curly marks", "``It is done,'' said Ana Ruiz. \u2018\u2018We will win,\u2019\u2019 said Omar Haddad.",
			[]want{{"It is done,", "Ana Ruiz", "", "said"}, {"We will win,", "Omar Haddad", "", "said"}}, nil},
		{"wire copy: the attribution wrapped to the next line", "The firm has large reserves in the area.\n\"These are the best times to buy,\"\nGreco said.\nThe company also plans a new plant.",
			[]want{{"These are the best times to buy,", "Greco", "", "said"}}, nil},
		{"two apostrophes open nothing", "Paying taxes ''makes me smart,'' Tom Miles said.", nil, nil},
		{"labels inside a noun phrase are no quotes", "Speaker Omar Haddad predicted that the House would vote by a wide margin to block the aid to the Andean \"contra\" rebels. The institute said the study found that failures rose by 7 pct, but in the \"oil patch\" of the south the rise was far larger. Lena Ortiz said Mr Grant's \"golden rule\" had failed.", nil, nil},
		{"a partial quote near its verb is one", "Lena Ortiz pledged a \"tough\" budget and said a new government would bring a \"radical reform\" of the courts.",
			[]want{{"tough", "Lena Ortiz", "", "pledged"}, {"radical reform", "Lena Ortiz", "", "said"}}, nil},
		{"a negated verb is no cue: the nearer speech verb is", "Finance Minister Lena Ortiz would not comment on the figures, but insisted she would not be \"diverted or distracted\" by them.",
			[]want{{"diverted or distracted", "Lena Ortiz", "Finance Minister", "insisted"}}, nil},
		{"a noun before the speech verb is its subject", "The World Bank published its figures on Monday. \"The digital divide is closing fast,\" the World Bank report said.",
			[]want{{"The digital divide is closing fast,", "World Bank", "", "said"}}, nil},
		{"a name that is also a speech verb", "The coach was calm. \"She knows what she wants to do next,\" Crow told reporters.",
			[]want{{"She knows what she wants to do next,", "Crow", "", "told"}}, nil},
		{"paragraph subject: the verb is no cue unless it reports speech", "Mayor Ana Costa is touring the north this week.\n\n\"We would not be here without the unions at the table.\"",
			[]want{{"We would not be here without the unions at the table.", "Ana Costa", "Mayor", ""}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustPeople(t, tt.body)
			if len(a.Quotes) != len(tt.want) {
				t.Fatalf("people(%q): %d quotes %+v, want %d", tt.body, len(a.Quotes), a.Quotes, len(tt.want))
			}
			for i, w := range tt.want {
				q := a.Quotes[i]
				got := want{q.Text, q.Speaker, q.SpeakerTitle, q.Cue}
				if got != w {
					t.Errorf("people(%q) quote %d = %q, want %q", tt.body, i, got, w)
				}
			}
			groups := make([]int, len(a.Quotes))
			for i, q := range a.Quotes {
				groups[i] = q.Group
			}
			if tt.groups == nil {
				tt.groups = make([]int, len(a.Quotes))
			}
			if !slices.Equal(groups, tt.groups) {
				t.Errorf("people(%q) groups = %v, want %v", tt.body, groups, tt.groups)
			}
		})
	}
}

// TestQuoteCueConfidence: a description that names whom it speaks for
// attributes a quote, and a quote with neither a speech verb nor anyone
// named is a guess.
func TestQuoteCueConfidence(t *testing.T) {
	tests := []struct {
		name, body       string
		desc, cue        string
		minConf, maxConf float64
	}{
		{"description with its employer", "Dell launched a small computer.\n\n\"This machine is for people who want a quiet computer at home,\" a spokesman for Dell said.",
			"a spokesman for Dell", "said", 0.7, 1},
		{"no cue and no one named", "Prices rose for the third month in a row.\n\n\"Nobody expected the price of bread to double in a single year.\"",
			"", "", 0, 0.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustPeople(t, tt.body)
			if len(a.Quotes) != 1 {
				t.Fatalf("people(%q): %d quotes %+v, want 1", tt.body, len(a.Quotes), a.Quotes)
			}
			q := a.Quotes[0]
			if q.SpeakerDescription != tt.desc || q.Cue != tt.cue || q.Confidence < tt.minConf || q.Confidence > tt.maxConf {
				t.Errorf("people(%q) = description %q, cue %q, confidence %v; want %q, %q, confidence in [%v, %v]",
					tt.body, q.SpeakerDescription, q.Cue, q.Confidence, tt.desc, tt.cue, tt.minConf, tt.maxConf)
			}
		})
	}
}
