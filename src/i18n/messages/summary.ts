/** The phrases of summary.md (en, nl). Keys are namespaced; the catalogue (src/i18n/catalogue.ts) joins every part and refuses a key defined twice. */
export const SUMMARY_MESSAGES = {
  'summary.title': { en: 'Analysis of batch `{dir}`', nl: 'Analyse van batch `{dir}`' },
  'summary.intro': {
    en: 'This batch has {k} with {runs}{region}{window}. Every run is one possible course of events; the figures below are averages over the runs. A 95% interval is the range in which the true average lies, given the model, with 95% confidence: it shrinks as the number of runs grows.',
    nl: 'Deze batch bevat {k} met {runs}{region}{window}. Elke run is één mogelijk verloop; de cijfers hieronder zijn gemiddelden over de runs. Een 95%-interval is het bereik waarin het ware gemiddelde, gegeven het model, met 95% zekerheid ligt: het wordt smaller naarmate er meer runs zijn.',
  },
  'summary.inRegion': { en: ' in {region}', nl: ' in {region}' },
  'summary.window': { en: ', with outcomes measured from {from} to {to}', nl: ', met uitkomsten gemeten van {from} tot en met {to}' },
  'summary.where': { en: '{region} from {from} to {to}', nl: '{region} van {from} tot en met {to}' },
  'summary.incomplete': {
    en: '**The batch is not complete**: {done} of {planned} runs are done. Resume it (`regiosim batch --resume`) before drawing conclusions.',
    nl: '**De batch is niet compleet**: {done} van de {planned} runs zijn klaar. Hervat hem (`regiosim batch --resume`) voordat u conclusies trekt.',
  },
  'summary.pairedNote': {
    en: 'Runs with the same replication number used the same random events (tasks, elections, staff turnover) in every scenario, so scenarios are compared run by run ("paired runs").',
    nl: 'Runs met hetzelfde replicatienummer kregen in elk scenario dezelfde toevallige gebeurtenissen (opgaven, verkiezingen, personeelsverloop), dus de scenario’s worden run voor run vergeleken ("gepaarde runs").',
  },
  'summary.reference': { en: 'Reference scenario: {ref}.', nl: 'Referentiescenario: {ref}.' },
  'summary.compareHeading': { en: '{s} compared with {ref}', nl: '{s} vergeleken met {ref}' },
  'summary.pointSuffix': { en: ' (point {point}: {params})', nl: ' (punt {point}: {params})' },
  // sentences
  'summary.clear': {
    en: '**{outcome}**{scale}: in {s}{where} it is on average {diff} {dir} (95% interval {lo} to {hi}) than in {ref} ({ms} against {mr}){better}.',
    nl: '**{outcome}**{scale}: in {s}{where} is dit gemiddeld {diff} {dir} (95%-interval {lo} tot {hi}) dan in {ref} ({ms} tegen {mr}){better}.',
  },
  'summary.scale': { en: ' (scale 0 to 1)', nl: ' (schaal 0 tot 1)' },
  'summary.unclear': {
    en: '**{outcome}**{scale}: the difference between {s} and {ref} ({diff}, 95% interval {lo} to {hi}) is too small to tell apart from chance.',
    nl: '**{outcome}**{scale}: het verschil tussen {s} en {ref} ({diff}, 95%-interval {lo} tot {hi}) is te klein om van toeval te onderscheiden.',
  },
  'summary.tooFew': {
    en: '**{outcome}**: too few runs with a value to compare.',
    nl: '**{outcome}**: te weinig runs met een waarde om te vergelijken.',
  },
  'summary.betterPaired': { en: '; it does better{how} in {share} of the {n} paired runs', nl: '; het scenario doet het beter{how} in {share} van de {n} gepaarde runs' },
  'summary.betterUnpaired': {
    en: '; a run of {s} does better{how} than a run of {ref} in {share} of comparisons',
    nl: '; een run van {s} doet het beter{how} dan een run van {ref} in {share} van de vergelijkingen',
  },
  'summary.lowerIsBetter': { en: ' (lower)', nl: ' (lager)' },
  'summary.higher': { en: 'higher', nl: 'hoger' },
  'summary.lower': { en: 'lower', nl: 'lager' },
  'summary.otherOutcomes': { en: 'Other outcomes:', nl: 'Overige uitkomsten:' },
  'summary.thOutcome': { en: 'Outcome', nl: 'Uitkomst' },
  'summary.thUnit': { en: 'Unit', nl: 'Eenheid' },
  'summary.thDiff': { en: 'Difference (95% interval)', nl: 'Verschil (95%-interval)' },
  'summary.thBetter': { en: 'Does better in', nl: 'Doet het beter in' },
  'summary.thClear': { en: 'Clear difference?', nl: 'Duidelijk verschil?' },
  'summary.yes': { en: 'yes', nl: 'ja' },
  'summary.no': { en: 'no, could be chance', nl: 'nee, kan toeval zijn' },
  'summary.na': { en: 'too few runs', nl: 'te weinig runs' },
  'summary.moreComparisons': {
    en: '{n} more comparison(s) are in comparison.csv.',
    nl: 'Nog {n} vergelijking(en) staan in comparison.csv.',
  },
  'summary.unmatched': {
    en: 'Not compared (no point of {ref} with the same parameter values): {list}.',
    nl: 'Niet vergeleken (geen punt van {ref} met dezelfde parameterwaarden): {list}.',
  },
  'summary.survivalHeading': { en: 'How long arrangements and memberships last', nl: 'Hoe lang samenwerkingsverbanden en lidmaatschappen standhouden' },
  'summary.survivalIntro': {
    en: 'Median survival: the number of months after which half of the arrangements (or memberships) have ended, pooled over all runs. Spells still running at the end of the simulation count as lasting at least until then.',
    nl: 'Mediane levensduur: het aantal maanden waarna de helft van de samenwerkingsverbanden (of lidmaatschappen) is beëindigd, over alle runs samen. Wat aan het eind van de simulatie nog loopt, telt mee als minstens zo lang bestaand.',
  },
  'summary.thScenario': { en: 'Scenario', nl: 'Scenario' },
  'summary.thWhat': { en: 'What', nl: 'Wat' },
  'summary.thMedian': { en: 'Median (months)', nl: 'Mediaan (maanden)' },
  'summary.thInterval': { en: '95% interval', nl: '95%-interval' },
  'summary.thCount': { en: 'Number', nl: 'Aantal' },
  'summary.thEnded': { en: 'Ended', nl: 'Beëindigd' },
  'summary.notReached': { en: 'not reached: more than half last to the end', nl: 'niet bereikt: meer dan de helft houdt stand tot het eind' },
  'summary.orMore': { en: '{lo} or more', nl: '{lo} of meer' },
  'summary.between': { en: '{lo} to {hi}', nl: '{lo} tot {hi}' },
  'summary.logrankClear': {
    en: '{type}: survival differs clearly between the scenarios (log-rank test, p {p}).',
    nl: '{type}: de levensduur verschilt duidelijk tussen de scenario’s (log-ranktoets, p {p}).',
  },
  'summary.logrankUnclear': {
    en: '{type}: the differences in survival between the scenarios are too small to tell apart from chance (log-rank test, p {p}).',
    nl: '{type}: de verschillen in levensduur tussen de scenario’s zijn te klein om van toeval te onderscheiden (log-ranktoets, p {p}).',
  },
  'summary.arrangements': { en: 'Arrangements', nl: 'Samenwerkingsverbanden' },
  'summary.memberships': { en: 'Memberships', nl: 'Lidmaatschappen' },
  'summary.precisionHeading': { en: 'Are there enough runs?', nl: 'Zijn er genoeg runs?' },
  'summary.precisionAll': {
    en: 'Yes for every outcome with a mean away from zero: each 95% interval of a mean lies within ±{pct} of the mean.',
    nl: 'Ja, voor elke uitkomst met een gemiddelde dat niet nul is: elk 95%-interval van een gemiddelde ligt binnen ±{pct} van het gemiddelde.',
  },
  'summary.precisionSome': {
    en: 'For a 95% interval within ±{pct} of the mean, these outcomes need more runs than the batch has (largest need over the scenarios):',
    nl: 'Voor een 95%-interval binnen ±{pct} van het gemiddelde hebben deze uitkomsten meer runs nodig dan de batch heeft (grootste behoefte over de scenario’s):',
  },
  'summary.needs': { en: '{outcome}: {need} runs (now {now})', nl: '{outcome}: {need} runs (nu {now})' },
  'summary.precisionZero': {
    en: 'Outcomes whose mean is zero (or almost) have no relative precision; judge them by the interval in summary.csv.',
    nl: 'Uitkomsten met een gemiddelde van (bijna) nul hebben geen relatieve precisie; beoordeel die aan de hand van het interval in summary.csv.',
  },
  'summary.readingHeading': { en: 'How to read this', nl: 'Hoe lees je dit' },
  'summary.reading1': {
    en: '"Too small to tell apart from chance" means: with this many runs the difference could be an accident of the random events, after correcting for the number of outcomes compared (Holm). It does not prove that there is no difference.',
    nl: '"Te klein om van toeval te onderscheiden" betekent: met dit aantal runs kan het verschil een toevalstreffer van de gebeurtenissen in het model zijn, na correctie voor het aantal vergeleken uitkomsten (Holm). Het bewijst niet dat er geen verschil is.',
  },
  'summary.reading2': {
    en: '"Does better" uses each outcome\'s direction: more is better for stability, value, completed tasks and trust; less is better for exits, dissolutions, failures, deadlocks and coordination effort. Outcomes without a direction (such as the number of tasks that arose) are only described as higher or lower.',
    nl: '"Doet het beter" volgt de richting van elke uitkomst: meer is beter voor stabiliteit, waarde, voltooide opgaven en vertrouwen; minder is beter voor uittredingen, opheffingen, mislukkingen, impasses en coördinatie-inzet. Uitkomsten zonder richting (zoals het aantal ontstane opgaven) worden alleen hoger of lager genoemd.',
  },
  'summary.reading3': {
    en: 'The intervals show the uncertainty from the random events in the model, not the uncertainty in the model\'s assumptions. Which assumptions drive the results is what `regiosim sensitivity` answers.',
    nl: 'De intervallen tonen de onzekerheid door toeval in het model, niet de onzekerheid in de aannames van het model. Welke aannames de uitkomsten bepalen, beantwoordt `regiosim sensitivity`.',
  },
  'summary.reading4': {
    en: '"Does better in" is the share of paired runs in which the scenario does better than the reference (a tie counts half). Without pairing it is the chance that a run of the scenario does better than a run of the reference.',
    nl: '"Doet het beter in" is het aandeel gepaarde runs waarin het scenario het beter doet dan de referentie (gelijkspel telt half). Zonder paren is het de kans dat een run van het scenario het beter doet dan een run van de referentie.',
  },
  'summary.reading5': {
    en: 'All figures per run and per scenario are in summary.csv, comparison.csv, survival.csv and survival-summary.csv (columns explained in the README).',
    nl: 'Alle cijfers per run en per scenario staan in summary.csv, comparison.csv, survival.csv en survival-summary.csv (kolommen uitgelegd in de README).',
  },
} as const;
