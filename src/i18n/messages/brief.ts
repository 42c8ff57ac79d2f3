/** The phrases of the decision brief (brief.html, brief.pdf) and its chart (en, nl). Written for an alderman and the civil servant who forwards it, not for a statistician. */
export const BRIEF_MESSAGES = {
  'chart.verdictTitle': { en: 'How often each structure does better', nl: 'Hoe vaak elke structuur beter uitpakt' },
  'chart.verdictSubtitle': {
    en: 'Share of simulated futures (the same random events under both) in which the structure does better on the outcome; right of the dashed line: more often better than worse.',
    nl: 'Aandeel van de gesimuleerde toekomsten (met dezelfde toevallige gebeurtenissen onder beide) waarin de structuur op dit punt beter uitpakt; rechts van de stippellijn: vaker beter dan slechter.',
  },
  'chart.verdictAxis': { en: 'Futures in which better than: {reference}', nl: 'Toekomsten waarin beter dan: {reference}' },
  'chart.verdictShare': { en: 'Better in', nl: 'Beter in' },
  'chart.verdictDirection': { en: 'Better is', nl: 'Beter is' },
  'chart.verdictHigher': { en: 'higher', nl: 'hoger' },
  'chart.verdictLower': { en: 'lower', nl: 'lager' },
  'chart.outcome': { en: 'Outcome', nl: 'Uitkomst' },

  'brief.kicker': { en: 'Brief', nl: 'Notitie' },
  'brief.title': { en: 'Regional cooperation in {region}: what each structure does', nl: 'Regionale samenwerking in {region}: wat elke structuur doet' },
  'brief.subtitle': {
    en: '{n} structures compared in a simulation model, {from} to {to}',
    nl: '{n} structuren vergeleken in een simulatiemodel, {from} tot en met {to}',
  },
  'brief.key': { en: 'In short', nl: 'In het kort' },
  'brief.scenarios': { en: 'What was compared', nl: 'Wat is vergeleken' },
  'brief.reference': { en: 'starting point of the comparison', nl: 'uitgangspunt van de vergelijking' },
  'brief.outcomes': { en: 'What gets better and what gets worse', nl: 'Wat beter wordt en wat slechter' },
  'brief.outcomesIntro': {
    en: 'Each structure against {reference}. The figure is the average difference over {runs} simulated futures; "usually" gives the range in which it lies in 8 of 10 futures (chance, at fixed model settings){worlds}.',
    nl: 'Elke structuur tegenover {reference}. Het getal is het gemiddelde verschil over {runs} gesimuleerde toekomsten; "meestal" geeft het bereik waarin het in 8 van de 10 toekomsten ligt (toeval, bij vaste modelinstellingen){worlds}.',
  },
  'brief.outcomesWorlds': {
    en: '; "settings" gives the share of {worlds} plausible model settings in which the structure does better (uncertainty in the model itself)',
    nl: '; "instellingen" geeft het aandeel van {worlds} plausibele modelinstellingen waarin de structuur beter uitpakt (onzekerheid in het model zelf)',
  },
  'brief.outcome': { en: 'Outcome', nl: 'Uitkomst' },
  'brief.better': { en: 'better', nl: 'beter' },
  'brief.worse': { en: 'worse', nl: 'slechter' },
  'brief.higher': { en: 'higher', nl: 'hoger' },
  'brief.lower': { en: 'lower', nl: 'lager' },
  'brief.same': { en: 'no real difference', nl: 'geen wezenlijk verschil' },
  'brief.usually': { en: 'usually {lo} to {hi}', nl: 'meestal {lo} tot {hi}' },
  'brief.settings': { en: 'settings: better in {share}', nl: 'instellingen: beter in {share}' },
  'brief.chart': { en: 'At a glance', nl: 'In één oogopslag' },
  'brief.caveatTitle': { en: 'How to read this', nl: 'Hoe dit te lezen' },
  'brief.caveatTool': {
    en: 'This is a thinking tool, not a forecast. The model shows how structures work out under the assumptions in its documentation (docs/ODD.md); it does not predict what will happen in {region}.',
    nl: 'Dit is een denkmodel, geen voorspelling. Het model laat zien hoe structuren uitwerken onder de aannames in de modelbeschrijving (de ODD in de documentatie van regiosim); het voorspelt niet wat er in {region} gaat gebeuren.',
  },
  'brief.caveatUnits': {
    en: 'Amounts in euros are model units: they make structures comparable with each other, not budget figures. Shares and counts are those of the model\'s regional tasks, not of all municipal work.',
    nl: 'Bedragen in euro\'s zijn modeleenheden: ze maken structuren onderling vergelijkbaar en zijn geen begrotingsbedragen. Aandelen en aantallen gaan over de regionale opgaven in het model, niet over al het gemeentelijke werk.',
  },
  'brief.caveatCalibrated': {
    en: 'Calibrated: {accepted} of {tried} tried model settings reproduce {targets} public figures ({list}). Not calibrated: the value of individual projects and the size of each effect.',
    nl: 'Gekalibreerd: {accepted} van {tried} geprobeerde modelinstellingen geven {targets} publieke kengetallen weer ({list}). Niet gekalibreerd: de waarde van afzonderlijke projecten en de grootte van elk effect.',
  },
  'brief.caveatUncalibrated': {
    en: 'The model settings are argued estimates; this comparison did not repeat them over plausible alternatives, so it shows chance only, not how uncertain the model is.',
    nl: 'De modelinstellingen zijn beargumenteerde schattingen; deze vergelijking is niet herhaald over plausibele alternatieven en laat dus alleen toeval zien, niet hoe onzeker het model is.',
  },
  'brief.caveatNoDifference': {
    en: '"No real difference": the difference is not clear, or smaller than a fifth of how much the outcome varies from one future to another.',
    nl: '"Geen wezenlijk verschil": het verschil is niet duidelijk, of kleiner dan een vijfde van hoeveel de uitkomst van toekomst tot toekomst varieert.',
  },
  'brief.provenance': {
    en: 'Made with regiosim {version} on {date} from {runs} simulated futures per structure (batch {hash}). The batch folder holds every figure, the full analysis and what is needed to repeat it.',
    nl: 'Gemaakt met regiosim {version} op {date} uit {runs} gesimuleerde toekomsten per structuur (kenmerk {hash}). De map van de berekening bevat alle cijfers, de volledige analyse en wat nodig is om haar te herhalen.',
  },
  'brief.keyScenario': { en: '{title}: {verdicts}.', nl: '{title}: {verdicts}.' },
  'brief.keyBetterOn': { en: 'better on {list}', nl: 'beter op {list}' },
  'brief.keyWorseOn': { en: 'worse on {list}', nl: 'slechter op {list}' },
  'brief.keyNothing': { en: 'no real difference on any outcome', nl: 'op geen enkel punt wezenlijk anders' },
  'brief.keyNet': {
    en: 'net value better in {runs} of the futures',
    nl: 'netto waarde beter in {runs} van de toekomsten',
  },
  'brief.keyNetWorlds': { en: ' and {worlds} of the plausible settings', nl: ' en {worlds} van de plausibele instellingen' },
  'brief.keyPrice': {
    en: 'No structure is better on everything: what one structure gains, it pays for elsewhere.',
    nl: 'Geen structuur is op alles beter: wat een structuur oplevert, kost elders iets.',
  },
  'brief.keyDominant': { en: '{title} is worse than {reference} on none of the outcomes.', nl: '{title} is op geen enkel punt slechter dan {reference}.' },
  'brief.keyCaveat': {
    en: 'A thinking tool, not a forecast: amounts are model units for comparing structures.',
    nl: 'Een denkmodel, geen voorspelling: bedragen zijn modeleenheden om structuren te vergelijken.',
  },
  'cli.wroteBrief': { en: 'Wrote {html}{pdf}; the chart as a slide: {slide}', nl: '{html}{pdf} geschreven; de grafiek als dia: {slide}' },
  'cli.startBrief': { en: 'Writing the brief (brief.html, brief.pdf) …', nl: 'De notitie schrijven (brief.html, brief.pdf) …' },
  'cli.startBriefFile': { en: 'Brief to forward: {file}  (two A4 pages)', nl: 'Notitie om door te sturen: {file}  (twee A4-pagina\'s)' },
  'brief.andMore': { en: 'and {n} more', nl: 'en nog {n} punten' },
  'brief.and': { en: 'and', nl: 'en' },
  'brief.pdfNone': {
    en: 'brief.pdf not written: no Chromium found ({path}); install Debian\'s chromium package or set REGIOSIM_CHROMIUM to a Chromium binary. brief.html prints the same pages from any browser.',
    nl: 'brief.pdf niet geschreven: geen Chromium gevonden ({path}); installeer het Debian-pakket chromium of zet REGIOSIM_CHROMIUM op een Chromium-programma. brief.html drukt dezelfde pagina\'s af vanuit elke browser.',
  },
} as const;
