// The failure reason a released review leaves on its attempt (shown differently to the applicant).
export const RELEASED_AFTER_REVIEW = "Released by the municipality after review";
