// What PAY ONLINE returns: where to send the browser. Its own file so the modules that build it
// (open-session, resume-open-attempt) need not import start-payment.
export type StartPaymentResult = { hostedPageUrl: string; paymentId: string; resumed: boolean };
