import fc from 'fast-check';

/**
 * Text dense in what the phone scan looks at: digits (many 0), '+', brackets, dashes, spaces, dots, letters and
 * kanji that may touch a run, and whole numbers of every written form, glued in any order.
 */
export const phoneishTextArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'0001234567899') },
      { weight: 4, arbitrary: fc.constantFrom('+', '(', ')', '-', ' ', ' ', '.', 'T', 'a', '電', '\n', '(0)') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '03-1234-5678',
          '090 1234 5678',
          '0120-123-456',
          '0312345678',
          '09012345678',
          '+81-90-1234-5678',
          '+81 3 1234 5678',
          '+81(0)3-1234-5678',
          '+44 20 7946 0958',
          '+44 (0)20 7946 0958',
          '+1 415-555-0132',
          '+65 8452 4391',
          '(202) 454-9896',
          '617-261-3317',
          '202454-9896',
          '(202)454-9896',
          '2024-01-15',
          '5217 9643 1104 3447',
        ),
      },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
