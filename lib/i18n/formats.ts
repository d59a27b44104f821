// Named formats the message catalogues may use, e.g. "{total, number, money}" (a value in dollars).
// Amounts are integer cents everywhere else; lib/money.ts formats cents.
export const formats = {
  number: { money: { style: "currency", currency: "CAD" } },
  dateTime: {
    date: { dateStyle: "long" },
    short: { dateStyle: "medium" },
  },
} as const;
