// Word lists that tell names apart from the capitalised words around them.

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** English words that start sentences or headlines with a capital: never the first word of a name. */
export const commonWords = set(`
a about above according across after afterwards again against all almost along already also although always among an and another any
anyone anything are around as asked at back be because been before being below besides between both but by can could despite did do does
down during each earlier either else even ever every except few following for from further had has have he her here hers him his how however
i if in including indeed instead into is it its just last later least less like many may meanwhile might more moreover most much must my
neither never nevertheless next no none nor not nothing now of off often on once one only or other others otherwise our out over overall
perhaps per rather since so some still such than that the their them then there thereafter therefore these they this those though through
thus to today together tomorrow too toward towards under unless until up upon us very was we were what whatever when where whereas whether
which while who whom whose why will with within without would yesterday yet you your new analysts officials sources traders dealers
shares prices sales profit profits income earnings revenue revenues net shr qtr qtly div pay record year avg shrs oper note company
government industry bank banks market markets trading economists bankers investors oil gold the it's he's she's there's that's what's let
first second third fourth fifth total current previous prior end full half nine six three four five seven eight ten two one
under sources separately meanwhile elsewhere similarly however asked reuters mln billion pct dlrs cts
finally previously tonight currently recently initially eventually subsequently additionally corporate jr jr. sr sr.
`);

/** Words that never begin a name, wherever they stand. */
export const leadingWords = set(`the a an this that these those he she it we they i his her its their our but and or if so as at in on of for by to
from with while when after before`);

/** Capitalised words that only stand in names of firms and bodies, never in a person's name. */
export const organisationWords = set(`
inc corp co cos ltd plc lp llc ag sa nv bv spa ab oy oyj kk gmbh bhd berhad pty limited corporation incorporated cie ltda company companies
bank banks banking bancorp bancshares bankshares group holding holdings partners partnership associates brothers bros trust trusts fund funds
exchange association council commission committee institute foundation university college school agency authority board federation union
party ministry department office organization organisation airlines airline airways industries industry court parliament assembly senate
cabinet army navy church club society league front movement network service services laboratories labs securities insurance investments
investment investors oil gas energy petroleum resources mining mines steel chemical chemicals motor motors electric electronics computer
computers systems technologies technology communications telecommunications international national federal general savings loan financial
finance capital mortgage realty properties property stores foods food products pharmaceuticals health medical software data air shipping
lines marine express press news times post journal television radio broadcasting publishing entertainment pictures hotels hotel inns
restaurants brewing brewery tobacco sugar cocoa coffee grain cotton metals gold silver copper aluminium aluminum tin rubber paper timber forest
land development acquisition venture ventures equity credit assurance life mutual reserve treasury budget market markets index commodities futures
options street avenue square island islands river bay sea ocean gulf canal airport port field lake mountain valley county province state
city republic kingdom north south east west northern southern eastern western central day year week christmas easter act bill agreement
accord treaty plan program programme project award prize cup games war code law rule report survey pact zone area region centre center
america american europe european asia asian africa african pacific atlantic arab arabian middle far latin world global continental
transport transportation utilities utility power light water supply supplies manufacturing machine machinery tool tools equipment
instruments industries textile textiles apparel retail wholesale distribution trading traders dealers bancorporation financial corp.
inc. co. ltd. s.a. n.v. ministry ministries department departments agency commission directorate bureau secretariat office offices
township borough advisers advisors affairs relations operations studies sciences research policy show magazine newspaper review weekly daily
organisations organizations associations federations councils committees unions growers producers exporters importers manufacturers
chamber system worldwide bulletin gazette herald tribune banque banco banca caisse societe compagnie landesbank girozentrale kredietbank
bankhaus sparkasse gruppo groupe hospital bridge tunnel stadium highway
`);

/** Capitalised common nouns that never stand alone for a person ("the Official Bulletin", "the House", "U.S. Currency"). */
export const commonNouns = set(`
bulletin journal gazette times post herald tribune review digest agency council committee commission house senate people unit currency
commerce trade industry economy government state nation republic kingdom empire court congress parliament assembly cabinet ministry
office bureau board group company corporation firm bank fund trust exchange market index bourse treasury budget reserve dollar yen
sterling franc lira peso crude oil grain wheat corn sugar coffee cocoa cotton rubber tin copper steel news press radio
television daily weekly monthly annual report review survey statement communique accord agreement pact treaty plan program programme
summit conference talks round meeting session election party union federation association society league club alliance front movement
army navy police university college school hospital airport port station avenue road bridge centre center palace
building dome square north south east west central city town county province region district island coast bay river lake
valley mountain desert sea ocean gulf capital
`);

/** Months and days: capitalised, but never names. */
export const calendarWords = set(`
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
`);

/** Words that end an organisation's name when it has no legal suffix ("Chase Manhattan Bank", "Liberal Democratic Party"). */
export const organisationHeads = set(`
bank bancorp bancshares bankshares group holdings partners brothers trust exchange association council commission committee institute
foundation university agency authority board federation union party ministry department office organization organisation company airlines
airways industries court parliament league secretariat bureau fund
`);

/** Lower-case words of organisation names ("Bank of Japan", "Organization for Economic Cooperation and Development"). */
export const connectors = set(`of for and & the on de du des la le los las del della da di do dos das van von der den ten ter y al el bin ibn bint abu arap`);

/** Lower-case particles that may stand inside a person's name ("Perez de Cuellar", "von Weizsaecker", "Daniel arap Moi"). */
export const nameParticles = set(`de du des la le los las del della da di do dos das van von der den ten ter y al el bin ibn bint abu arap st.`);

/** The Arabic article as written before a family name ("al-Sabah", "el-Sayed"). */
export const arabicArticles = set(`al el ad ar as ash at az an`);

/** Lower-case words after a name that say it names a firm: "the Cheung Kong group", "the official Tanjug news agency". */
export const firmNouns = set(`group unit subsidiary affiliate consortium concern firm company conglomerate agency newspaper magazine`);

/** Lower-case words before a name that say it names a firm: "brokers James Capel", "merchant bank Hill Samuel". */
export const firmsBefore = set(`brokers stockbrokers brokerage brokerages underwriters accountants auditors bankers bank firm house`);

/** Words that, in text written all in one case, more often mean something else than a place or body. */
export const caselessAmbiguous = set(`
turkey chad china jordan guinea niger polish pole poles french dane danes finn finns swiss fed diet shell ford congress rio santos bali java
mobil nikko sony honda amex comex aid who us it congo dominica georgia reading kingston lima perth wellington sydney sabah natal pan ma
sec ida isa bis eca ece ilo ifc imo cme cbt oas oau
`);

/** The labels of results tables in wire copy ("Revs 12.3 mln vs 10.1 mln", "Nine Mths"): never a name's first word. */
export const tableLabels = set(`revs rev shr shrs net qtr qtrs mths mth avg oper sales profit loss note notes nine six three four twelve year
ytd cts dlrs dlr mln mlns billion vs`);
