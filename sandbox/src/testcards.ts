export type CardOutcome = "approve" | "decline" | "delay" | "wrong_amount";

export const DECLINE_MESSAGE = "Your card was declined";
export const ACH_DECLINE_MESSAGE = "Your bank account was declined";

export const TEST_CARDS: readonly { number: string; display: string; outcome: CardOutcome; description: string }[] = [
  { number: "4242424242424242", display: "4242 4242 4242 4242", outcome: "approve", description: "Approves" },
  { number: "4000000000000002", display: "4000 0000 0000 0002", outcome: "decline", description: `Declines ("${DECLINE_MESSAGE}")` },
  {
    number: "4000000000000077",
    display: "4000 0000 0000 0077",
    outcome: "delay",
    description: "Approves after a delay (before the postback and receipt)",
  },
  {
    number: "4000000000000101",
    display: "4000 0000 0000 0101",
    outcome: "wrong_amount",
    description: "Approves, but the postback reports the WRONG amount (total + $1.00)",
  },
];

export const TEST_ACH = {
  routing: "110000000",
  approveAccount: "000123456789",
  declineAccount: "000111111116",
} as const;

export function findCard(number: string): (typeof TEST_CARDS)[number] | undefined {
  return TEST_CARDS.find((c) => c.number === number);
}

/** All sandbox cards are 4xxx (Visa). */
export function cardBrand(number: string): string {
  if (number.startsWith("4")) return "Visa";
  if (/^5[1-5]/.test(number)) return "MasterCard";
  if (/^3[47]/.test(number)) return "American Express";
  return "Card";
}
