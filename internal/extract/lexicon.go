package extract

import "strings"

// The word lists the quote attributor and the actor finder decide with. They
// are plain Go data, built once into maps keyed by the lower-case form, so a
// lookup is one map access and costs no allocation.

// speechVerbs are the bases of the verbs that introduce or attribute speech.
// Every inflection (says, said, saying...) is derived by inflect; irregular
// forms are listed in irregularCues.
var speechVerbs = []string{
	"accept", "accuse", "acknowledge", "add", "address", "admit", "advise", "affirm",
	"agree", "allege", "announce", "answer", "argue", "ask", "assert", "assure",
	"attack", "attest", "aver", "banter", "beg", "bemoan", "berate", "blast", "blog",
	"blurt", "boast", "brag", "call", "caution", "chant", "characterize",
	"characterise", "charge", "chide", "chime", "cite", "claim", "clarify", "comment",
	"complain", "concede", "conclude", "concur", "condemn", "confess", "confide",
	"confirm", "contend", "continue", "counter", "crow", "cry", "declare", "decry",
	"defend", "demand", "denounce", "deny", "describe", "disclose", "dismiss",
	"dispute", "dub", "echo", "email", "e-mail", "emphasize", "emphasise", "estimate",
	"exclaim", "explain", "expound", "fume", "gush", "grumble", "hail", "hint",
	"insist", "interject", "interrupt", "joke", "label", "lament", "laugh",
	"lecture", "maintain", "mention", "message", "mock", "mourn", "mumble",
	"murmur", "muse", "mutter", "narrate", "note", "object", "observe", "opine",
	"order", "plead", "pledge", "point", "post", "praise", "pray", "predict",
	"proclaim", "promise", "pronounce", "propose", "protest", "query", "question",
	"quip", "quote", "rail", "rant", "reason", "reassure", "recall", "recount",
	"reflect", "reiterate", "rejoin", "remark", "remind", "repeat", "reply",
	"report", "respond", "retort", "reveal", "roar", "rule", "scoff", "scold",
	"scream", "shout", "sigh", "slam", "snap", "sneer", "speculate", "state",
	"stress", "submit", "suggest", "summarize", "summarise", "swear", "tease",
	"term", "testify", "text", "thunder", "tout", "tweet", "underline",
	"underscore", "urge", "vent", "venture", "voice", "vow", "warn", "whisper",
	"wonder", "worry", "yell", "criticize", "criticise", "lambaste", "lash",
	"deride", "ridicule", "taunt", "challenge", "quiz", "inform", "brief",
	"caution", "recommend", "advocate", "contest", "rebut", "refute",
	"announce", "signal", "indicate", "acclaim", "applaud", "congratulate",
	"thank", "apologize", "apologise", "concede", "relate", "describe",
}

// irregularCues are speech-verb forms inflect cannot derive.
var irregularCues = []string{
	"say", "says", "said", "saying", "tell", "tells", "told", "telling",
	"write", "writes", "wrote", "written", "writing", "speak", "speaks", "spoke",
	"speaking", "spoken", "swear", "swore", "sworn", "swears", "swearing",
	"read", "reads", "reading", "go", "went", "goes", "put", "puts",
	"sing", "sang", "sings", "singing", "cry", "cries", "cried", "crying",
	"deny", "denies", "denied", "denying", "reply", "replies", "replied", "replying",
	"testify", "testifies", "testified", "testifying", "query", "queries", "queried",
	"clarify", "clarifies", "clarified", "worry", "worries", "worried",
	"quip", "quips", "quipped", "quipping", "snap", "snapped", "snaps",
	"dub", "dubbed", "dubs", "dubbing", "chime", "chimed", "chimes",
	"rebut", "rebutted", "submit", "submitted", "rule", "ruled",
	"summarize", "summarized", "summarise", "summarised", "opine", "opined",
	"thunder", "thundered", "label", "labeled", "labelled", "labels", "labeling", "labelling",
}

// multiCues are cues of two words: the first word, then what must follow it.
// The cue ends with the second word.
var multiCues = map[string][]string{
	"according": {"to"},
	"went":      {"on"},
	"go":        {"on"},
	"goes":      {"on"},
	"going":     {"on"},
	"pointed":   {"out"},
	"points":    {"out"},
	"point":     {"out"},
	"pointing":  {"out"},
	"spoke":     {"of"},
	"quoted":    {"as"},
}

// weakCues introduce a quote only when it follows them in the same sentence
// (Trump called it "a disgrace"); after a quote they attribute nothing.
var weakCues = map[string]bool{
	"call": true, "calls": true, "called": true, "calling": true,
	"describe": true, "describes": true, "described": true, "describing": true,
	"label": true, "labels": true, "labeled": true, "labelled": true,
	"dub": true, "dubs": true, "dubbed": true, "term": true, "terms": true, "termed": true,
	"characterize": true, "characterized": true, "characterise": true, "characterised": true,
	"cite": true, "cites": true, "cited": true, "citing": true, "read": true, "reads": true,
	"quote": true, "quotes": true, "quoted": true, "put": true, "puts": true,
	"go": true, "went": true, "goes": true, "point": true, "pointed": true,
	"praise": true, "praised": true, "praises": true, "attack": true, "attacked": true,
	"defend": true, "defended": true, "question": true, "questioned": true,
	"dismiss": true, "dismissed": true, "hail": true, "hailed": true, "thank": true, "thanked": true,
	"signal": true, "signaled": true, "signalled": true, "indicate": true, "indicated": true,
	"post": true, "posted": true, "order": true, "ordered": true, "object": true,
	"rule": true, "ruled": true, "state": true, "text": true, "message": true,
	"voice": true, "voiced": true, "brief": true, "briefed": true, "venture": true,
	"reason": true, "counter": true, "worry": true, "worried": true,
	"speak": true, "speaks": true, "spoke": true, "speaking": true, "spoken": true,
}

// cueForms maps every form of a speech verb to true.
var cueForms = buildCues()

func buildCues() map[string]bool {
	m := make(map[string]bool, 1024)
	for _, v := range speechVerbs {
		for _, f := range inflect(v) {
			m[f] = true
		}
	}
	for _, f := range irregularCues {
		m[f] = true
	}
	return m
}

// inflect returns the regular forms of a verb: base, third person, past and
// gerund.
func inflect(v string) []string {
	n := len(v)
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "e"):
		s, ed, ing = v+"s", v+"d", v[:n-1]+"ing"
	case strings.HasSuffix(v, "y") && n > 1 && !vowel(v[n-2]):
		s, ed, ing = v[:n-1]+"ies", v[:n-1]+"ied", v+"ing"
	case strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "ss"), strings.HasSuffix(v, "x"):
		s, ed, ing = v+"es", v+"ed", v+"ing"
	case n == 3 && !vowel(v[0]) && vowel(v[1]) && !vowel(v[2]) && v[2] != 'w' && v[2] != 'x' && v[2] != 'y':
		s, ed, ing = v+"s", v+v[2:]+"ed", v+v[2:]+"ing"
	default:
		s, ed, ing = v+"s", v+"ed", v+"ing"
	}
	return []string{v, s, ed, ing}
}

// auxiliaries may stand between a speaker and the speech verb ("he has
// said", "Trump later told").
var auxiliaries = setOf(
	"has", "have", "had", "was", "were", "is", "are", "be", "been", "would", "will",
	"could", "can", "might", "may", "must", "should", "did", "does", "do", "also",
	"later", "then", "again", "once", "previously", "recently", "earlier", "often",
	"repeatedly", "reportedly", "allegedly", "publicly", "privately", "simply",
	"just", "already", "still", "further", "flatly", "quickly", "angrily", "bluntly",
	"frequently", "famously", "separately", "subsequently", "first", "finally",
	"not", "never", "herself", "himself", "themselves", "itself",
	"once", "even", "only", "ultimately", "specifically", "explicitly", "directly",
	"openly", "defiantly", "proudly", "sarcastically", "jokingly", "notably",
	"memorably", "infamously", "personally", "essentially", "basically", "always",
)

// gender is what a name, honorific or pronoun says of a person: male 'm',
// female 'f', either 'u' (a given name used for both), a thing 'o', a
// plural 'p', or 0 when it says nothing.
type gender byte

// pronouns that can stand for a speaker, with the gender they imply.
var pronounGender = map[string]gender{
	"he": 'm', "she": 'f', "it": 'o', "they": 'p', "him": 'm', "her": 'f',
}

// determiners open a descriptive noun phrase ("the minister", "a source").
var determiners = setOf("the", "a", "an", "one", "another", "this", "that", "his", "her",
	"its", "their", "our", "some", "two", "three", "several", "many", "other", "both",
	"these", "those", "each", "every")

// indefinites are determiners whose phrase names nobody in particular.
var indefinites = setOf("a", "an", "one", "another", "some", "two", "three", "several",
	"many", "other", "both", "these", "those", "each", "every")

// honorifics are dropped from names and tell a person's gender.
var honorifics = map[string]gender{
	"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f',
	"dr": 0, "dr.": 0, "sir": 'm', "dame": 'f', "lady": 'f', "lord": 'm', "madam": 'f',
	"sen": 0, "sen.": 0, "rep": 0, "rep.": 0, "gov": 0, "gov.": 0, "gen": 0, "gen.": 0,
	"lt": 0, "lt.": 0, "col": 0, "col.": 0, "sgt": 0, "sgt.": 0, "capt": 0, "capt.": 0,
	"adm": 0, "adm.": 0, "prof": 0, "prof.": 0, "rev": 0, "rev.": 0, "sheikh": 'm',
	"sheik": 'm', "king": 'm', "queen": 'f', "prince": 'm', "princess": 'f',
	"pope": 'm', "ayatollah": 'm', "imam": 'm', "rabbi": 0, "father": 'm', "brother": 'm',
	"sister": 'f', "judge": 0, "justice": 0, "mayor": 0, "cardinal": 'm', "emir": 'm',
	"sultan": 'm', "crown": 0,
}

// titleWords are capitalised words of a person's title or role, which stand
// before the name and are kept apart from it ("Foreign Minister Fuad Hussein").
var titleWords = setOf(
	"president", "president-elect", "vice", "minister", "secretary", "chairman",
	"chairwoman", "chair", "governor", "senator", "congressman", "congresswoman",
	"representative", "ambassador", "director", "spokesman", "spokeswoman",
	"spokesperson", "chief", "executive", "officer", "premier", "chancellor",
	"general", "commissioner", "speaker", "leader", "treasurer", "attorney",
	"prosecutor", "candidate", "nominee", "deputy", "undersecretary", "envoy",
	"commander", "adviser", "advisor", "counsel", "head", "founder", "ceo", "cfo",
	"coo", "manager", "analyst", "economist", "professor", "dean", "captain",
	"sergeant", "lieutenant", "colonel", "major", "admiral", "marshal", "sheriff",
	"superintendent", "inspector", "detective", "chairperson", "mp", "mep", "justice",
	"magistrate", "lawmaker", "legislator", "strategist", "pollster", "publisher",
	"editor", "columnist", "correspondent", "reporter", "host", "anchor", "coach",
	"prime", "foreign", "finance", "defense", "defence", "interior", "trade",
	"economy", "energy", "oil", "agriculture", "health", "education", "justice",
	"state", "deputy", "assistant", "acting", "former", "then", "incoming",
	"outgoing", "interim", "senior", "managing", "first", "lady", "press",
	"campaign", "white", "house", "national", "security", "central", "bank",
	"treasury", "labor", "labour", "transport", "commerce", "industry", "planning",
	"economic", "petroleum", "mines", "information", "communications", "budget", "exchequer",
	"monetary", "fiscal", "democratic", "republican", "gop", "u.s.", "us", "federal",
	"reserve", "board", "governor-general", "secretary-general", "director-general",
	"vice-president", "vice-chairman", "co-founder", "king", "queen", "prince",
	"princess", "crown", "emir", "sultan", "sheikh", "sheik", "pope", "ayatollah",
	"supreme", "grand", "mayor", "judge", "rep.", "sen.", "gov.", "gen.", "lt.",
	"col.", "sgt.", "capt.", "adm.", "prof.", "rev.", "dr.", "mr.", "mrs.", "ms.",
	"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "baroness", "baron", "pm",
	"patriarch", "archbishop",
)

// headTitles are the title words that end a title: a name must follow them
// (the others, like "Foreign" or "Bank", only join a title).
var headTitles = setOf(
	"patriarch", "archbishop", "president", "president-elect", "minister", "secretary", "chairman", "chairwoman",
	"chair", "governor", "senator", "congressman", "congresswoman", "representative",
	"ambassador", "director", "spokesman", "spokeswoman", "spokesperson", "chief",
	"officer", "premier", "chancellor", "general", "commissioner", "speaker", "leader",
	"treasurer", "attorney", "prosecutor", "candidate", "nominee", "deputy",
	"undersecretary", "envoy", "commander", "adviser", "advisor", "counsel", "head",
	"founder", "ceo", "cfo", "coo", "manager", "analyst", "economist", "professor",
	"dean", "captain", "sergeant", "lieutenant", "colonel", "major", "admiral",
	"marshal", "sheriff", "superintendent", "inspector", "detective", "chairperson",
	"mp", "mep", "justice", "magistrate", "lawmaker", "legislator", "strategist",
	"pollster", "publisher", "editor", "columnist", "correspondent", "reporter",
	"host", "anchor", "coach", "governor-general", "secretary-general",
	"director-general", "vice-president", "vice-chairman", "co-founder", "king",
	"queen", "prince", "princess", "emir", "sultan", "sheikh", "sheik", "pope",
	"ayatollah", "mayor", "judge", "rep.", "sen.", "gov.", "gen.", "lt.", "col.",
	"sgt.", "capt.", "adm.", "prof.", "rev.", "dr.", "mr.", "mrs.", "ms.", "mr",
	"mrs", "ms", "dr", "sir", "dame", "lord", "baroness", "baron", "rep", "sen",
	"gov", "lady", "executive", "pm",
)

// roleNouns are lower-case nouns naming a person by role; a capitalised name
// right after one is a person ("analyst Stephen Hess"), and "the minister"
// can stand for a person named earlier with that title.
var roleNouns = setOf(
	"president", "minister", "secretary", "chairman", "chairwoman", "governor",
	"senator", "congressman", "congresswoman", "ambassador", "director",
	"spokesman", "spokeswoman", "spokesperson", "official", "officials", "chief",
	"executive", "officer", "premier", "chancellor", "general", "commissioner",
	"speaker", "leader", "treasurer", "attorney", "prosecutor", "candidate",
	"nominee", "deputy", "envoy", "commander", "adviser", "advisor", "aide",
	"counsel", "head", "founder", "manager", "analyst", "economist", "professor",
	"lawmaker", "legislator", "strategist", "pollster", "businessman",
	"businesswoman", "billionaire", "mogul", "rival", "opponent", "challenger",
	"incumbent", "editor", "columnist", "correspondent", "reporter", "host",
	"anchor", "actor", "actress", "singer", "rapper", "star", "author", "writer",
	"lawyer", "judge", "mayor", "activist", "expert", "researcher", "scientist",
	"historian", "commentator", "surrogate", "operative", "consultant", "trader",
	"dealer", "banker", "broker", "negotiator", "diplomat", "politician", "mother",
	"father", "wife", "husband", "son", "daughter", "friend", "nominee", "veteran",
	"student", "teacher", "doctor", "physician", "nurse", "officer", "agent",
	"investigator", "director", "partner", "colleague", "chairperson", "organizer",
	"organiser", "contender", "hopeful", "frontrunner", "front-runner", "runner-up",
	"governor-elect", "president-elect", "mogul", "tycoon", "magnate", "king",
	"queen", "prince", "cleric", "imam", "bishop", "priest", "pastor", "rabbi",
	"narrator", "announcer", "moderator", "interviewer", "representative", "man",
	"woman", "voter", "supporter", "critic", "insider", "source", "witness",
	"resident", "member", "delegate", "staffer", "employee", "worker", "owner",
	"ceo", "economist", "strategist", "secretary-general", "sheikh", "farmer",
	"grower", "miner", "exporter", "importer", "investor", "shopper", "consumer",
	"driver", "fisherman", "fishermen", "villager", "protester", "protesters",
	"observer", "observers", "donor", "donors", "lender", "lenders", "buyer",
	"buyers", "seller", "sellers", "producer", "producers", "authorities",
)

// mediaNouns stand for a news organisation ("the newspaper said").
var mediaNouns = setOf("newspaper", "paper", "daily", "weekly", "magazine", "agency",
	"network", "broadcaster", "channel", "outlet", "site", "website", "station",
	"tabloid", "publication", "journal", "wire", "post", "times", "report", "outlet")

// pressWords end the names of newspapers ("Daily Courier").
var pressWords = setOf("courier", "chronicle", "observer", "examiner", "inquirer", "sun",
	"star", "mirror", "express", "independent", "register", "dispatch", "bulletin",
	"globe", "standard", "telegraph", "tribune", "herald", "gazette", "post", "times",
	"journal", "news", "review", "weekly", "daily", "monitor", "record", "reporter",
	"leader", "argus", "sentinel", "enquirer", "statesman", "recorder", "free press")

// orgNouns stand for an organisation ("the ministry said") and, capitalised
// inside a name, mark the name as an organisation's.
var orgNouns = setOf(
	"ministry", "department", "agency", "company", "firm", "group", "campaign",
	"committee", "commission", "council", "forum", "party", "government", "administration",
	"bank", "court", "board", "office", "union", "association", "federation",
	"organization", "organisation", "institute", "institution", "university",
	"college", "school", "foundation", "fund", "authority", "service", "services",
	"corporation", "corp", "corp.", "inc", "inc.", "co", "co.", "ltd", "ltd.", "plc",
	"llc", "ag", "sa", "nv", "gmbh", "group", "holdings", "industries", "bancorp",
	"airlines", "airways", "motors", "systems", "technologies", "partners",
	"exchange", "reserve", "treasury", "army", "navy", "forces", "force", "police",
	"guard", "congress", "senate", "parliament", "assembly", "cabinet", "court",
	"tribunal", "network", "news", "times", "post", "journal", "press", "tribune",
	"herald", "gazette", "telegraph", "guardian", "daily", "magazine", "radio",
	"television", "tv", "broadcasting", "media", "communications", "club", "team",
	"league", "alliance", "coalition", "movement", "front", "brigade", "brigades",
	"militia", "council", "centre", "center", "hospital", "church", "mosque",
	"trust", "society", "laboratories", "pharmaceuticals", "petroleum", "oil",
	"energy", "steel", "mining", "chemical", "chemicals", "electric", "power",
	"insurance", "securities", "capital", "investments", "financial", "bureau",
	"commission", "directorate", "secretariat", "program", "programme", "project",
	"initiative", "caucus", "pac", "lobby", "consortium", "cartel", "syndicate",
	"enterprises", "international", "worldwide", "associates", "stores", "foods",
	"products", "mills", "works", "railroad", "railway", "railways", "lines",
	"shipping", "brewery", "bankers", "trust", "savings", "loan", "mutual",
	"oy", "oyj", "ab", "asa", "spa", "bv", "kk", "bhd", "tbk", "pty", "srl", "sarl",
	"gruppen", "konzern", "bancorporation", "restaurants", "jewellers", "cement",
)

// mediaNames are news organisations an article may quote as a source.
var mediaNames = setOf(
	"reuters", "associated press", "ap", "afp", "agence france-presse", "bloomberg",
	"cnn", "bbc", "nbc", "abc", "cbs", "fox news", "fox", "msnbc", "npr", "pbs",
	"al hurra", "alhurra", "al jazeera", "al arabiya", "politico", "axios",
	"the new york times", "new york times", "the washington post", "washington post",
	"the wall street journal", "wall street journal", "the new york post",
	"new york post", "usa today", "the guardian", "the times", "the daily beast",
	"the hill", "breitbart", "breitbart news", "politifact", "the atlantic",
	"buzzfeed", "buzzfeed news", "vox", "slate", "salon", "huffington post",
	"the huffington post", "huffpost", "daily mail", "the daily mail",
	"los angeles times", "the los angeles times", "chicago tribune", "the boston globe",
	"boston globe", "time", "newsweek", "the economist", "financial times",
	"the financial times", "xinhua", "tass", "interfax", "kyodo", "yonhap", "irna",
	"tasnim", "fars", "anadolu", "dpa", "ansa", "efe", "itar-tass", "pravda",
	"izvestia", "ria novosti", "sputnik", "rt", "cnbc", "c-span", "univision",
	"telemundo", "the intercept", "mother jones", "the nation", "national review",
	"the weekly standard", "the federalist", "daily caller", "the daily caller",
	"the blaze", "drudge report", "the drudge report", "infowars", "yahoo news",
	"abc news", "cbs news", "nbc news", "bne intellinews", "intellinews",
)

// knownOrgs are organisations recognised by name alone, each mapped to the
// key of its alias group ("isil" and "islamic state" share "isis").
var knownOrgs = map[string]string{
	"isis": "isis", "isil": "isis", "islamic state": "isis", "daesh": "isis",
	"islamic state of iraq and the levant": "isis", "islamic state of iraq and syria": "isis",
	"al qaeda": "al qaeda", "al-qaeda": "al qaeda", "al-qaida": "al qaeda", "al qaida": "al qaeda",
	"hezbollah": "hezbollah", "hizbollah": "hezbollah", "hamas": "hamas",
	"taliban": "taliban", "houthis": "houthis", "nato": "nato", "opec": "opec",
	"un": "united nations", "united nations": "united nations", "u.n.": "united nations",
	"eu": "european union", "european union": "european union", "e.u.": "european union",
	"imf": "imf", "international monetary fund": "imf", "world bank": "world bank",
	"fbi": "fbi", "cia": "cia", "nsa": "nsa", "pentagon": "pentagon", "kremlin": "kremlin",
	"white house": "white house", "gop": "republican party", "dnc": "dnc", "rnc": "rnc",
	"fed": "federal reserve", "federal reserve": "federal reserve", "sec": "sec",
	"who": "who", "wto": "wto", "gatt": "gatt", "ec": "ec", "european community": "ec",
	"usda": "usda", "epa": "epa", "nasa": "nasa", "pkk": "pkk", "plo": "plo",
	"apple": "apple", "google": "google", "microsoft": "microsoft", "amazon": "amazon",
	"facebook": "facebook", "twitter": "twitter", "exxon": "exxon", "ibm": "ibm",
	"popular mobilization forces": "pmf", "pmf": "pmf", "hashed al-shaabi": "pmf",
	"kataib hezbollah": "kataib hezbollah", "secret service": "secret service",
	"supreme court": "supreme court", "congress": "congress", "senate": "senate",
	"politifact": "politifact", "wikileaks": "wikileaks", "clinton foundation": "clinton foundation",
	"trump foundation": "trump foundation", "nypd": "nypd", "aclu": "aclu", "nra": "nra",
}

// notNames are capitalised words that never start or make a name: function
// words, weekdays and months, and page furniture.
var notNames = setOf(
	"the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for", "if", "when",
	"while", "as", "at", "by", "in", "on", "of", "to", "from", "with", "without",
	"after", "before", "since", "until", "because", "although", "though", "despite",
	"during", "about", "above", "below", "under", "over", "between", "among",
	"against", "into", "onto", "upon", "through", "throughout", "within", "regarding",
	"according", "amid", "amidst", "per", "via", "like", "unlike", "this", "that",
	"these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i",
	"you", "his", "her", "their", "our", "my", "your", "who", "whom", "whose",
	"which", "what", "where", "why", "how", "all", "some", "many", "most", "more",
	"much", "few", "several", "each", "every", "any", "no", "not", "both", "either",
	"neither", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "first", "second", "third", "last", "next", "new", "other", "another",
	"such", "also", "however", "meanwhile", "moreover", "furthermore", "still",
	"then", "now", "today", "yesterday", "tomorrow", "tonight", "later", "earlier",
	"instead", "indeed", "yes", "even", "only", "just", "perhaps", "maybe",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.",
	"apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
	"dismiss", "news", "advertisement", "share", "tweet", "comment", "comments",
	"read", "more", "click", "subscribe", "follow", "sign", "login", "menu", "home",
	"search", "close", "related", "photo", "video", "image", "getty", "images", "ap",
	"copyright", "reporting", "editing", "writing", "additional", "updated",
	"breaking", "live", "watch", "listen", "top", "story", "stories", "opinion",
	"analysis", "exclusive", "update", "note", "editor's", "said", "says", "told", "asked", "added",
	"do", "did", "does", "is", "are", "was", "were", "be", "been", "has", "have",
	"had", "will", "would", "can", "could", "should", "may", "might", "must", "let",
	"let's", "we're", "i'm", "it's", "that's", "there's", "he's", "she's", "they're",
	"you're", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "can't",
	"won't", "wouldn't", "couldn't", "shouldn't", "thanks", "thank", "please", "well",
	"oh", "so-called", "following", "including", "given", "asked", "speaking",
	"pct", "dlrs", "mln", "billion", "million", "percent", "inc", "corp", "co",
	"ltd", "st", "ave", "u.s.", "u.k.", "usa", "us", "uk", "ok", "okay", "sunday's",
	"people", "government", "state", "states", "city", "country", "nation",
	"america's", "americans", "democrats", "republicans", "liberals", "conservatives",
	"god", "internet", "web", "twitter", "facebook", "election", "day", "week",
	"month", "year", "morning", "evening", "night", "afternoon", "weekend",
	"hours", "minutes", "days", "weeks", "months", "years", "decades",
	// Acronyms of things, not actors.
	"ai", "gdp", "lng", "cfa", "ev", "evs", "tv", "ipo", "vat", "covid",
	"covid-19", "hiv", "ceos", "gmt", "utc", "est", "edt", "cst", "cdt", "mst",
	"mdt", "pst", "pdt", "bst", "cet", "eps", "cpi", "ppi", "frn", "frns", "libor",
	"nav", "ytd", "shr", "qtly", "div", "dlr", "dlrs", "pct", "vs", "avg", "mths",
	"chg", "prev", "vol", "wk", "yr", "shrs", "revs", "oper", "op", "avge",
)

// setOf returns a set of words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// companyNouns stand for the organisation an article is about ("the
// company said"): the nearest organisation named before, else the one
// named most.
var companyNouns = setOf("company", "firm", "group", "business", "retailer", "airline",
	"carrier", "operator", "chain", "maker", "manufacturer", "insurer", "lender", "bank",
	"brewer", "supplier", "giant", "studio", "label", "club", "charity", "organisation",
	"organization", "corporation", "conglomerate", "telco", "developer", "publisher")

// personNouns name a person as news style varies its references to
// someone named before ("the Frenchman", "the striker"); roleNouns hold the
// rest.
var personNouns = setOf("player", "striker", "midfielder", "defender", "forward",
	"goalkeeper", "keeper", "winger", "captain", "skipper", "boss", "coach", "manager",
	"champion", "star", "youngster", "teenager", "veteran", "singer", "actor", "actress",
	"comedian", "presenter", "director", "designer", "chef", "athlete", "sprinter",
	"runner", "swimmer", "batsman", "bowler", "jockey", "trainer", "boxer", "golfer",
	"frenchman", "englishman", "scotsman", "welshman", "irishman", "briton", "scot",
	"american", "australian", "spaniard", "italian", "german", "dutchman", "argentine",
	"brazilian", "portuguese", "russian", "swede", "dane", "norwegian", "kenyan",
	"ethiopian", "nigerian", "south african", "new zealander", "canadian", "belgian",
	"swiss", "austrian", "pole", "czech", "croat", "serb", "greek", "turk", "japanese",
	"chinese", "indian", "pakistani", "israeli", "egyptian", "moroccan", "ghanaian",
	"cameroonian", "senegalese", "ivorian", "jamaican", "mexican", "colombian",
	"uruguayan", "chilean", "peruvian", "frenchwoman", "englishwoman", "scotswoman",
	"welshwoman", "irishwoman", "minister", "chancellor", "premier", "musician",
	"rocker", "rapper", "film-maker", "filmmaker", "novelist", "writer", "author", "artist")

// anonymousHeads name a role that news style leaves unnamed ("the
// spokesman said"): a definite description with one of these heads stands
// for a named person only when that person was given the role.
var anonymousHeads = setOf("spokesman", "spokeswoman", "spokesperson", "source", "sources",
	"official", "officials", "insider", "insiders", "witness", "witnesses", "resident",
	"residents", "dealer", "dealers", "trader", "traders", "analyst", "analysts",
	"economist", "economists", "expert", "experts", "observer", "observers", "critic",
	"critics", "diplomat", "diplomats", "aide", "aides", "man", "woman", "people",
	"voter", "voters", "supporter", "supporters", "protester", "protesters", "member",
	"members", "employee", "employees", "worker", "workers", "student", "students",
	"delegate", "delegates", "investor", "investors", "banker", "bankers", "broker",
	"brokers", "lawyer", "lawyers", "police", "officer", "officers")
