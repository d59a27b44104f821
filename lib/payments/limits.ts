// Limits shared by the PAY ONLINE form and startPayment.
export const MAX_INVOICES_PER_PAYMENT = 20;
