package extract

import "strings"

// Given names tell a person from other capitalised words ("Fuad Hussein" is
// a person, "Ground Zero" is not) and the gender a later "he" or "she" needs.
// The lists hold common English given names and those frequent in world news.

const maleNames = `aaron abbas abdel abdul abdullah abe abraham adam adel adrian ahmad ahmed akbar
al alan albert alejandro aleksandr alex alexander alexei alexis alfred ali alistair allen alvaro amir
amos anders andre andrea andreas andres andrew andrzej andy angelo anthony antonio anwar arnold arthur
ashraf ashton austin ayman barack barry bashar ben benjamin benny bernard bernie bert bill billy bob
bobby boris brad bradley brandon brendan brent brett brian bruce bruno bryan bud burt byron cal calvin
carl carlos carter cesar chad charles charlie chris christian christoph christopher chuck clarence
claude clay clayton clint clinton cliff clifford colin conrad cory craig curt curtis dale dan daniel
danny dario darrell darren dave david dean dennis derek desmond dick diego dimitri dmitry dominic don
donald doug douglas duncan dwight earl ed eddie edgar eduard eduardo edward edwin ehud elias elijah
elliott emanuel emile emmanuel enrique eric erik ernest ernesto esteban ethan eugene evan fabio faisal
farid felipe felix ferdinand fernando francesco francis francisco frank franklin frankie franz fred
frederick fuad gabriel gareth gary gavin gene geoffrey george georgi gerald gerard gerhard gilbert glen
glenn gordon graham grant greg gregory guillermo gunther gus guy haider hamid hank hans harold harry
hassan hector heinz helmut henri henry herbert herman hideo hiroshi hisham horst howard hugh hugo
hussein ian ibrahim igor isaac ismail ivan jack jacob jacques jaime jake james jamie jan jared jason
javier jay jean jeb jeff jeffrey jens jeremy jerome jerry jesse jesus jim jimmy joachim joe joel johan
johannes john johnny jon jonathan jordan jorge jose joseph josh joshua juan jules julian julio justin
kamal karim karl keith ken kenneth kevin khalid kim kirk klaus kofi kurt kyle lamar lance larry lars
lee leo leon leonard leonid les lester lewis lincoln lindsey lloyd lorenzo louis lucas luis luke
lyndon mahmoud malcolm manuel marc marco marcus mario mark marshall martin marvin masood mathew matt
matteo matthew maurice max maxwell michael michel miguel mike mikhail milton mitch mitt mohamed
mohammad mohammed moses muhammad murray mustafa nabil nasser nathan neil nelson newt nicholas nick
nicolas nigel noah norman oliver omar orrin oscar otto owen pablo paolo pat patrick paul pedro pete
peter phil philip philippe pierre rafael rahm rajiv ralph ramon randall randy raul ray raymond reed
reggie reince reinhard rex ricardo rich richard rick rob robert roberto rod rodney roger roland roman
ron ronald ross roy ruben rudy rudolph rupert russ russell ryan saddam salman sam samir samuel sanjay
saud scott sean sebastian sergei sergey shawn sheldon sherrod shinzo silvio simon spencer stan stanley
stefan stephen steve steven stuart sultan tad tariq ted terry thaddeus theodore thomas tim timothy tod
todd tom tommy tony travis trey tyler umar uri valentin valery victor vincent vladimir wade walid
wallace walter warren willy wayne wesley will william willie wolfgang xavier yasser yasuhiro yitzhak yossi
youssef yuri yusuf zach zachary zbigniew kiichi satoshi noboru eduard mikhail nikolai viktor yevgeny
edmund brent caspar oliver elliot rudolf jaques francois jacques-yves valery recep tayyip narendra
xi jinping hu wen li shinzo fumio yoshihide justin emmanuel olaf rishi keir boris volodymyr
ashraf nouri haider adil mustafa mohammed moqtada qassem qasem ismail muqtada nechirvan masrour
benjamin naftali yair reuven mahmoud ismail yahya hassan ebrahim ali-akbar javad hossein abbas
kellyanne corey reince sean stephen jared mike newt rudy chris ben marco ted rand jeb lindsey`

const femaleNames = `abigail ada adriana agnes aileen alexandra alice alicia alison amanda amber
amelia amy ana andrea angela angelina anita ann anna anne annette april ashley audrey barbara beatrice
becky belinda beth betsy betty beverly bianca bonnie brenda bridget brittany brooke camila candice
cara carla carly carmen carol carolina caroline carrie cassandra catherine cathy cecilia celia
chantal charlotte chelsea cheryl chloe christina christine cindy claire clara claudia colleen connie
cristina crystal cynthia daisy dana danielle daphne dawn debbie deborah debra denise diana diane
dianne dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth elise eliza elizabeth
ella ellen emily emma erica erin esther eva evelyn fatima fiona florence frances gabriela gail gemma
georgia geraldine gina gloria grace gretchen gwen hannah harriet heather heidi helen helena hillary
hilary hope huma ida ilhan ines ingrid irene iris isabel isabella ivanka jackie jacqueline jane janet
janice jasmine jean jeanne jennifer jenny jessica jill jo joan joanna jocelyn josephine joy joyce
judith judy julia julie june justine karen kate katherine kathleen kathryn kathy katie kayleigh
kelly kimberly kirsten kristen kristin laura lauren leah leila lena linda lisa liz lois loretta lori
louise lucia lucy lydia lynn madeleine madeline maggie maria mariana marie marilyn marina marine
marion marjorie martha mary maxine megan meghan melania melanie melissa meredith mia michele michelle
mildred miriam molly monica nadia nancy naomi natalie natasha nicole nikki nina nora olga olivia
pamela patricia patti paula pauline peggy penny phyllis priscilla rachel rebecca regina renee rita
roberta robin rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah sharon sheila
shirley silvia sonia sophia sophie stacey stella stephanie sue susan susana suzanne sylvia tammy tanya
tara teresa theresa tiffany tina tracy tulsi ursula valerie vanessa vera veronica victoria virginia
wendy yolanda yvonne zoe angela margaret indira benazir golda condoleezza madeleine kamala nikki
jill jeanne sarah hope kellyanne huma jennifer donna debbie elizabeth nancy dianne kirsten tammy
solita corazon imelda gennifer paula juanita kathleen alicia gennifer melanie monica`

// givenNames maps a lower-case given name to its usual gender ('m' or 'f').
var givenNames = buildNames()

func buildNames() map[string]gender {
	m := make(map[string]gender, 1200)
	for _, n := range strings.Fields(maleNames) {
		m[n] = 'm'
	}
	for _, n := range strings.Fields(femaleNames) {
		if g, ok := m[n]; ok && g == 'm' {
			m[n] = 'u' // used for both ("jean", "andrea")
			continue
		}
		m[n] = 'f'
	}
	return m
}
