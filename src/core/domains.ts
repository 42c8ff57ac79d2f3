/** The policy domains in which regional tasks (opgaven) arise. */
export const DOMAINS = ['housing', 'transport', 'economy', 'social', 'operations'] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Record<Domain, { en: string; nl: string }> = {
  housing: { en: 'Housing', nl: 'Wonen' },
  transport: { en: 'Traffic & transport', nl: 'Verkeer & vervoer' },
  economy: { en: 'Economy', nl: 'Economie' },
  social: { en: 'Social domain', nl: 'Sociaal domein' },
  operations: { en: 'Operations', nl: 'Bedrijfsvoering' },
};

export function domainIndex(d: Domain): number {
  return DOMAINS.indexOf(d);
}
