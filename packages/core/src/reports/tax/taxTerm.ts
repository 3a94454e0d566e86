/** How a capital gain or loss is taxed in the US. */
export const TaxTerm = {
  /** Held one year or less (and every short option or short sale): Form 8949 Part I. */
  ShortTerm: 'short_term',
  /** Held more than one year: Form 8949 Part II. */
  LongTerm: 'long_term',
  /** Section 1256 contract: 60 % long-term / 40 % short-term regardless of holding period, on Form 6781. */
  Section1256: 'section_1256',
} as const
/** One of {@link TaxTerm}. */
export type TaxTerm = (typeof TaxTerm)[keyof typeof TaxTerm]
