/**
 * The comments and texts of the scenario `regiosim new` writes (en, nl): the comments are in the
 * language of --lang, the title and description in both (`title`, `nl.title`).
 */
export const NEW_MESSAGES = {
  'new.head': { en: 'A scenario written by `regiosim new`: {what}. Check it, then run it:', nl: 'Een scenario geschreven door `regiosim new`: {what}. Controleer het en draai het:' },
  'new.edit': {
    en: 'Change what you like: README.md (Scenario format) and scenario.schema.json describe every key, `regiosim params` lists the model parameters.',
    nl: 'Pas aan wat u wilt: README.md (Scenario format) en scenario.schema.json beschrijven elke sleutel, `regiosim params` toont de modelparameters.',
  },
  'new.compare': {
    en: 'To compare structures, write the same region with another --structure (for example none) and run both: regiosim batch {file} other.yaml --runs 50. Give this file `reference: other.yaml` and `regiosim analyze` compares with it.',
    nl: 'Om structuren te vergelijken: schrijf dezelfde regio met een andere --structure (bijvoorbeeld none) en draai beide: regiosim batch {file} ander.yaml --runs 50. Met `reference: ander.yaml` in dit bestand vergelijkt `regiosim analyze` ermee.',
  },
  'new.name': { en: 'Short name, used for the output folder (output/<name>/seed-<N>/): lower-case letters, digits, hyphens.', nl: 'Korte naam, voor de uitvoermap (output/<naam>/seed-<N>/): kleine letters, cijfers, streepjes.' },
  'new.titles': { en: 'Title and description for people; under nl: the same in Dutch, for Dutch output.', nl: 'Titel en beschrijving voor mensen; onder nl: hetzelfde in het Nederlands, voor Nederlandse uitvoer.' },
  'new.regionMembers': {
    en: 'The region, named by its members (names or CBS codes). Population, province, neighbours (shared borders) and map shapes come from data/nl-municipalities-2019.json: the division of 2019, population of mid-2020.',
    nl: 'De regio, genoemd door haar gemeenten (namen of CBS-codes). Inwoners, provincie, buren (gedeelde grenzen) en kaartvormen komen uit data/nl-municipalities-2019.json: de indeling van 2019, inwoners van medio 2020.',
  },
  'new.member': { en: '{code}, {province}, {population} inhabitants', nl: '{code}, {province}, {population} inwoners' },
  'new.regionBuiltin': { en: 'A built-in region: `regiosim regions {id}` lists its municipalities.', nl: 'Een ingebouwde regio: `regiosim regions {id}` toont de gemeenten.' },
  'new.horizon': {
    en: 'Months are written YYYY-MM, both ends included. Before start a spin-up of 192 months, not reported, brings trust and relationships to their steady state.',
    nl: 'Maanden schrijft u als JJJJ-MM, begin en eind inbegrepen. Voor start loopt een aanloop van 192 maanden (niet gerapporteerd) die vertrouwen en relaties in hun evenwicht brengt.',
  },
  'new.formation': {
    en: 'Where no table serves them, municipalities may form arrangements themselves (network, convenant, basiscoalitie, modular GR or GR), choosing by expected net value and trust.',
    nl: 'Waar geen tafel hen bedient, mogen gemeenten zelf samenwerkingsverbanden vormen (netwerk, convenant, basiscoalitie, modulaire GR of GR), naar verwachte nettowaarde en vertrouwen.',
  },
  'new.events': { en: 'Events change the world at a date; events on the same date apply in file order.', nl: 'Gebeurtenissen veranderen de wereld op een datum; gebeurtenissen op dezelfde datum gelden in de volgorde van het bestand.' },
  'new.social': { en: 'The social domain is decentralised: three times as many regional social tasks from 2015.', nl: 'Het sociaal domein wordt gedecentraliseerd: drie keer zoveel regionale sociale opgaven vanaf 2015.' },
  'new.starts': {
    en: 'The structure starts in 2015, after the spin-up, so that a scenario of this region with another structure shares the same past. Its domains are all five; remove one to leave it to ad hoc cooperation.',
    nl: 'De structuur begint in 2015, na de aanloop, zodat een scenario van deze regio met een andere structuur hetzelfde verleden heeft. De tafel gaat over alle vijf de beleidsterreinen; haal er een weg om dat aan losse samenwerking over te laten.',
  },
  'new.structure.none': {
    en: 'No standing structure: only the arrangements the municipalities form themselves (structure.formation).',
    nl: 'Geen vaste structuur: alleen de samenwerkingsverbanden die de gemeenten zelf vormen (structure.formation).',
  },
  'new.structure.basiscoalitie': {
    en: 'A basiscoalitie: the aldermen meet periodically with a secretary who keeps the regional agenda. No budget and no binding decisions: the willing go ahead.',
    nl: 'Een basiscoalitie: de wethouders overleggen geregeld, met een secretaris die de regionale agenda bijhoudt. Geen budget en geen bindende besluiten: wie wil, gaat voorop.',
  },
  'new.structure.modular-gr': {
    en: 'A modular GR: a light public body whose members opt into modules (domains) and can leave them again at a low cost; who takes part in a module is bound by its decisions.',
    nl: 'Een modulaire GR: een lichte gemeenschappelijke regeling waarin elke gemeente per module (beleidsterrein) kiest of ze meedoet en er tegen lage kosten weer uit kan; wie meedoet, is aan de besluiten gebonden.',
  },
  'new.structure.gr': {
    en: 'A GR (gemeenschappelijke regeling): a public body with a bureau of its own; majority decisions bind the members.',
    nl: 'Een GR (gemeenschappelijke regeling): een openbaar lichaam met een eigen bureau; meerderheidsbesluiten binden de leden.',
  },
  'new.structure.wgr-plus': {
    en: 'A mandatory city region (WGR-plus, as in 2006-2014): compulsory membership, binding majority decisions and a bureau. The city regions had a central transport grant (BDU); to give this one, add funding: {transport: 180} (EUR per inhabitant a year) and fundShare: 0.6.',
    nl: 'Een verplichte stadsregio (plusregio, zoals van 2006 tot 2015): verplicht lidmaatschap, bindende meerderheidsbesluiten en een bureau. De stadsregio’s kregen een rijksbijdrage voor verkeer en vervoer (BDU); voeg daarvoor funding: {transport: 180} (euro per inwoner per jaar) en fundShare: 0.6 toe.',
  },
  'new.title.none': { en: 'no standing structure', nl: 'zonder vaste structuur' },
  'new.title.basiscoalitie': { en: 'basiscoalitie', nl: 'basiscoalitie' },
  'new.title.modular-gr': { en: 'modular GR', nl: 'modulaire GR' },
  'new.title.gr': { en: 'GR', nl: 'GR' },
  'new.title.wgr-plus': { en: 'mandatory city region (WGR-plus)', nl: 'verplichte stadsregio (plusregio)' },
  'new.description': {
    en: '{region} ({n} municipalities), {structure} from 2015, the social domain decentralised in 2015. Written by regiosim new.',
    nl: '{region} ({n} gemeenten), {structure} vanaf 2015, met de decentralisatie van het sociaal domein in 2015. Geschreven door regiosim new.',
  },
} as const;
