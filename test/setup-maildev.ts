import { inject } from "vitest";

process.env.SMTP_URL = inject("maildevSmtpUrl");
process.env.MAIL_FROM = "PermitPay Tests <no-reply@permitpay.test>";
