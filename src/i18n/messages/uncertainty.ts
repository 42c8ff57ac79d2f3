/** The phrases of calibration and robustness (summary.md sections, their reports and the console), en and nl. */
export const UNCERTAINTY_MESSAGES = {
  'unc.robustHeading': { en: 'Across plausible parameters', nl: 'Over aannemelijke parameterwaarden' },
  'unc.robustIntro': {
    en: 'These figures show **parameter uncertainty**, not seed noise. Each structure is compared with {ref} in {worlds} plausible worlds: {source}. In each world both run the same {reps} random futures (paired runs), and the world counts as better for a structure when the mean of its paired differences favours it. The 95% interval of a share (Wilson) says how precisely {worlds} worlds pin it down; the range is the spread of the world means across the worlds.',
    nl: 'Deze cijfers tonen **de onzekerheid van de parameters**, niet de toevalsspreiding. Elke structuur wordt vergeleken met {ref} in {worlds} aannemelijke werelden: {source}. In elke wereld doorlopen beide dezelfde {reps} mogelijke verlopen (gepaarde simulaties), en een wereld telt als beter voor een structuur als het gemiddelde van de gepaarde verschillen in haar voordeel is. Het 95%-interval van een aandeel (Wilson) zegt hoe nauwkeurig {worlds} werelden het vastleggen; het bereik is de spreiding van de gemiddelden over de werelden.',
  },
  'unc.sourceEnsemble': { en: 'the parameter sets of the ensemble `{name}`{how}', nl: 'de parametersets van het ensemble `{name}`{how}' },
  'unc.sourceCalibrated': { en: ', accepted by calibration against {targets} public figures ({accepted} of {tried} sets drawn from the prior, {rate})', nl: ', aanvaard door kalibratie aan {targets} publieke cijfers ({accepted} van {tried} uit de prior getrokken sets, {rate})' },
  'unc.sourceLhs': { en: 'a Latin hypercube of {n} points over the ranges of {k} parameters ({list})', nl: 'een Latijnse hyperkubus van {n} punten over de bereiken van {k} parameters ({list})' },
  'unc.varied': { en: 'Parameters that vary between the worlds: {list}.', nl: 'Parameters die tussen de werelden verschillen: {list}.' },
  'unc.compareHeading': { en: '{s} compared with {ref}', nl: '{s} vergeleken met {ref}' },
  'unc.line': {
    en: '**{outcome}**: {better} in {share} of the worlds (95% interval {lo} to {hi}), worse in {worse}{ties}; across the worlds the difference runs from {min} to {max} {unit} (median {median}).{clear}{rule}',
    nl: '**{outcome}**: {better} in {share} van de werelden (95%-interval {lo} tot {hi}), slechter in {worse}{ties}; over de werelden loopt het verschil van {min} tot {max} {unit} (mediaan {median}).{clear}{rule}',
  },
  'unc.lineNeutral': {
    en: '**{outcome}**: higher in {share} of the worlds (95% interval {lo} to {hi}), lower in {worse}{ties}; across the worlds the difference runs from {min} to {max} {unit} (median {median}).{clear}{rule}',
    nl: '**{outcome}**: hoger in {share} van de werelden (95%-interval {lo} tot {hi}), lager in {worse}{ties}; over de werelden loopt het verschil van {min} tot {max} {unit} (mediaan {median}).{clear}{rule}',
  },
  'unc.ties': { en: ', the same in {p}', nl: ', gelijk in {p}' },
  'unc.better': { en: 'better', nl: 'beter' },
  'unc.clear': {
    en: ' Beyond seed noise: better in {b}, worse in {w} of the worlds.',
    nl: ' Buiten de toevalsspreiding: beter in {b}, slechter in {w} van de werelden.',
  },
  'unc.ruleWorse': {
    en: ' It does worse mainly where {rule} ({k} of the {m} worlds there; they hold {c} of the worlds where it does worse).',
    nl: ' Het doet het vooral slechter waar {rule} ({k} van de {m} werelden daar; zij bevatten {c} van de werelden waar het slechter is).',
  },
  'unc.ruleBetter': {
    en: ' It does better mainly where {rule} ({k} of the {m} worlds there; they hold {c} of the worlds where it does better).',
    nl: ' Het doet het vooral beter waar {rule} ({k} van de {m} werelden daar; zij bevatten {c} van de werelden waar het beter is).',
  },
  'unc.noRule': {
    en: ' No condition on the varied parameters separates the worlds where it does worse.',
    nl: ' Geen voorwaarde op de gevarieerde parameters scheidt de werelden waar het slechter is.',
  },
  'unc.noRuleBetter': {
    en: ' No condition on the varied parameters separates the worlds where it does better.',
    nl: ' Geen voorwaarde op de gevarieerde parameters scheidt de werelden waar het beter is.',
  },
  'unc.and': { en: ' and ', nl: ' en ' },
  'unc.pp': { en: 'percentage points', nl: 'procentpunt' },
  'unc.stability': {
    en: 'How large the ensemble must be: {worlds} worlds pin a share down to within ±{half} points at the most uncertain headline here; ±10 points need about {needed} worlds (`worlds_needed` in robustness.csv).',
    nl: 'Hoe groot het ensemble moet zijn: {worlds} werelden leggen een aandeel vast tot op ±{half} punten bij de onzekerste hoofduitkomst hier; voor ±10 punten zijn ongeveer {needed} werelden nodig (`worlds_needed` in robustness.csv).',
  },
  'unc.files': {
    en: 'Files: robustness.csv (per structure and outcome, across the worlds), worlds.csv (per world), discovery.csv (the boxes of the scenario discovery), robustness.json (how it was made).',
    nl: 'Bestanden: robustness.csv (per structuur en uitkomst, over de werelden), worlds.csv (per wereld), discovery.csv (de vakken van de scenario-ontdekking), robustness.json (hoe het gemaakt is).',
  },
  'unc.robustTitle': { en: 'Robustness of a comparison across plausible parameters', nl: 'Robuustheid van een vergelijking over aannemelijke parameterwaarden' },
  // calibration
  'unc.calTitle': { en: 'Calibration {name}', nl: 'Kalibratie {name}' },
  'unc.calIntro': {
    en: '{tried} parameter sets were drawn from the prior (a Latin hypercube over the ranges below, uniform) and each was run {reps} times in {scenarios}. A set is accepted when the {stat} over its runs meets every target. **{accepted} of {tried} sets were accepted ({rate})**{written}.',
    nl: 'Er zijn {tried} parametersets uit de prior getrokken (een Latijnse hyperkubus over de bereiken hieronder, uniform) en elk is {reps} keer doorgerekend in {scenarios}. Een set wordt aanvaard als {stat} over zijn simulaties aan elk doel voldoet. **{accepted} van de {tried} sets zijn aanvaard ({rate})**{written}.',
  },
  'unc.calWritten': { en: '; they are the ensemble in `ensemble.yaml`', nl: '; zij vormen het ensemble in `ensemble.yaml`' },
  'unc.calNone': { en: '; no ensemble was written', nl: '; er is geen ensemble geschreven' },
  'unc.calStat': { en: 'mean or median', nl: 'het gemiddelde of de mediaan' },
  'unc.statMean': { en: 'mean', nl: 'gemiddelde' },
  'unc.statMedian': { en: 'median', nl: 'mediaan' },
  'unc.targetsHeading': { en: 'Targets', nl: 'Doelen' },
  'unc.targetsTable': { en: '| Target | Measure | Scenario | Band | Sets that meet it | Source |', nl: '| Doel | Maat | Scenario | Band | Sets die eraan voldoen | Bron |' },
  'unc.priorHeading': { en: 'Prior and posterior ranges', nl: 'Bereiken vóór en na kalibratie' },
  'unc.priorTable': { en: '| Parameter | Prior | Accepted sets: min | median | max |', nl: '| Parameter | Prior | Aanvaarde sets: min | mediaan | max |' },
  'unc.calNoise': {
    en: 'Each set is judged on {reps} runs, so a set near the edge of a band can be accepted or rejected by seed noise; calibration-targets.csv gives every value. The accepted sets are what the targets allow, not what the world is: parameters the targets do not constrain keep their prior range.',
    nl: 'Elke set wordt beoordeeld op {reps} simulaties, dus een set vlak bij de rand van een band kan door toeval worden aanvaard of afgewezen; calibration-targets.csv geeft elke waarde. De aanvaarde sets zijn wat de doelen toelaten, niet hoe de wereld is: parameters die de doelen niet beperken houden hun bereik van vóór de kalibratie.',
  },
  'unc.calFiles': {
    en: 'Files: calibration-points.csv (every set, accepted or not), calibration-targets.csv (every set × target), ensemble.yaml (the accepted sets, for `regiosim robustness --ensemble`), calibration.json (targets, acceptance rate, how it was made), batch/ (the runs).',
    nl: 'Bestanden: calibration-points.csv (elke set, aanvaard of niet), calibration-targets.csv (elke set × doel), ensemble.yaml (de aanvaarde sets, voor `regiosim robustness --ensemble`), calibration.json (doelen, acceptatiegraad, hoe het gemaakt is), `batch/` (de simulaties).',
  },
  'unc.noBound': { en: 'none', nl: 'geen' },
  // docking
  'unc.dockHeading': { en: 'A simpler model beside it (docking)', nl: 'Een eenvoudiger model ernaast (docking)' },
  'unc.dockIntro': {
    en: 'A static baseline runs on the same tasks as the model (same scenarios, parameters and seeds): per task, the municipalities that benefit cooperate when its value exceeds what it costs them plus the transaction costs of doing it together (information, negotiation, enforcement), less at a table of the scenario. It has no trust dynamics, no people who leave, no councils, no capacity limits and no structure dynamics. Per structure, the model\'s difference from {ref}, the baseline\'s, and the share of the model\'s difference the baseline already gives; the rest is what those mechanisms add.',
    nl: 'Een statisch basismodel draait op dezelfde opgaven als het model (dezelfde scenario’s, parameters en toevalsreeksen): per opgave werken de gemeenten die er baat bij hebben samen als de waarde groter is dan wat het hen kost plus de transactiekosten van het samen doen (informatie, onderhandeling, handhaving), minder aan een tafel van het scenario. Het kent geen dynamiek van vertrouwen, geen mensen die vertrekken, geen gemeenteraden, geen grenzen aan capaciteit en geen dynamiek van structuren. Per structuur het verschil met {ref} in het model, dat in het basismodel, en het deel van het verschil in het model dat het basismodel al geeft; de rest is wat die mechanismen toevoegen.',
  },
  'unc.dockTable': { en: '| Structure | Outcome | Model | Baseline | Share the baseline gives |', nl: '| Structuur | Uitkomst | Model | Basismodel | Deel dat het basismodel geeft |' },
  'unc.dockNote': {
    en: 'Differences are means over the paired runs (seed noise, as in the comparison above). A negative share means the baseline points the other way.',
    nl: 'Verschillen zijn gemiddelden over de gepaarde simulaties (toevalsspreiding, zoals in de vergelijking hierboven). Een negatief deel betekent dat het basismodel de andere kant op wijst.',
  },
  'cli.dockHeader': { en: 'Docking: the static baseline on the same tasks as the batch, differences from {ref}:', nl: 'Docking: het statische basismodel op dezelfde opgaven als de berekening, verschillen met {ref}:' },
  'cli.dockWrote': { en: 'Wrote {a} and {b}; `regiosim analyze {dir}` puts them in summary.md.', nl: '{a} en {b} geschreven; `regiosim analyze {dir}` neemt ze op in summary.md.' },
  // console
  'cli.calShard': { en: 'Shard {shard} of the calibration is done in {dir}. When every shard is done, run the same command without --shard to merge them and evaluate the targets.', nl: 'Deel {shard} van de kalibratie is klaar in {dir}. Als alle delen klaar zijn, voer dan hetzelfde commando uit zonder --shard om ze samen te voegen en de doelen te toetsen.' },
  'cli.calResult': { en: 'Calibration {name}: {accepted} of {tried} parameter sets meet every target ({rate}).', nl: 'Kalibratie {name}: {accepted} van de {tried} parametersets voldoen aan elk doel ({rate}).' },
  'cli.calTarget': { en: '  {id}: met by {met} of {tried} sets', nl: '  {id}: gehaald door {met} van de {tried} sets' },
  'cli.calWrote': { en: 'Wrote {dir} (ensemble: {ensemble}).', nl: '{dir} geschreven (ensemble: {ensemble}).' },
  'cli.calNoEnsemble': { en: 'No parameter set meets every target, so no ensemble was written; calibration-targets.csv shows which targets are out of reach.', nl: 'Geen parameterset voldoet aan elk doel, dus er is geen ensemble geschreven; calibration-targets.csv toont welke doelen buiten bereik liggen.' },
  'cli.robustHeader': { en: 'Robustness of {list} against {ref} in {worlds} plausible worlds, {reps} paired runs each (parameter uncertainty). Share of worlds in which the structure does better:', nl: 'Robuustheid van {list} tegen {ref} in {worlds} aannemelijke werelden, elk {reps} gepaarde simulaties (onzekerheid van de parameters). Aandeel werelden waarin de structuur het beter doet:' },
  'cli.robustWrote': { en: 'Wrote {dir}.', nl: '{dir} geschreven.' },
  'cli.startWorlds': { en: 'Better than {ref} in this share of {worlds} plausible worlds (95% interval; parameter uncertainty: the calibrated ensemble {name}, 4 paired runs per world):', nl: 'Beter dan {ref} in dit aandeel van {worlds} aannemelijke werelden (95%-interval; onzekerheid van de parameters: het gekalibreerde ensemble {name}, 4 gepaarde simulaties per wereld):' },
  'cli.startWorldsNote': { en: 'A world is a parameter set that meets the calibration targets; "better" follows each outcome\'s direction. The conditions under which a structure does worse are in summary.md.', nl: 'Een wereld is een parameterset die aan de kalibratiedoelen voldoet; "beter" volgt de richting van elke uitkomst. Onder welke voorwaarden een structuur het slechter doet, staat in summary.md.' },
  'cli.sensitivityDifference': { en: 'the paired difference {a} − {b}', nl: 'het gepaarde verschil {a} − {b}' },
  'cli.startRobustness': { en: 'The same comparison across plausible parameter sets (robustness) …', nl: 'Dezelfde vergelijking over aannemelijke parametersets (robuustheid) …' },
} as const;
