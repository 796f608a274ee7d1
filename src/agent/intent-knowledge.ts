// Intent-aware retrieval: the documents that answer each intent. The router's understanding of a message is a
// strong signal that plain text similarity misses ("forgot my pin" is about PINs, not passwords).

/** Knowledge documents (English ids, i.e. topics: their Chinese counterparts match too) that answer each intent. */
export const INTENT_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  card_abroad: ["card-abroad"],
  card_activation: ["card-activation"],
  card_declined: ["card-declined-payments"],
  card_delivery: ["card-delivery-replacement"],
  card_replacement: ["card-delivery-replacement"],
  card_freeze_unfreeze: ["card-freeze"],
  card_limits: ["card-limits", "card-contactless"],
  card_pin: ["card-pin"],
  mobile_wallet: ["card-mobile-wallets"],
  lost_or_stolen_card: ["card-lost-stolen"],
  compromised_card: ["fraud-unauthorised-transactions", "card-freeze"],
  unrecognised_transaction: ["fraud-unauthorised-transactions"],
  dispute_transaction: ["disputes-transactions", "disputes-chargebacks"],
  scam_report: [
    "security-common-scams",
    "security-phishing",
    "security-app-scam-reimbursement",
    "security-bank-never-asks",
  ],
  loan_eligibility: ["loans-eligibility"],
  loan_rates: ["loans-rates", "loans-personal"],
  credit_card_application: ["credit-cards"],
  credit_limit_increase: ["credit-cards"],
  credit_declined_reason: ["credit-declined"],
  credit_score: ["credit-score-factors"],
  mortgage_enquiry: ["mortgages"],
  statements: ["account-statements"],
  pending_payment: ["payments-domestic", "payments-cut-off-times"],
  open_account: ["account-opening", "account-switching", "account-current-accounts"],
  identity_verification: ["account-opening"],
  close_account: ["account-closing"],
  transfer_fees: ["fees-schedule-2026", "payments-international", "payments-domestic"],
  international_transfer: ["payments-international", "payments-receiving-international"],
  payment_limits_cutoffs: ["payments-limits", "payments-cut-off-times"],
  payment_recall: ["payments-recall"],
  direct_debits_standing_orders: ["payments-standing-orders-direct-debits"],
  fees_and_charges: ["fees-schedule-2026", "account-current-accounts"],
  interest_rates_savings: ["interest-rates", "savings-accounts"],
  overdraft: ["account-overdraft"],
  app_login_problem: ["digital-app-login"],
  password_reset: ["digital-password-reset"],
  two_factor_new_device: ["digital-two-factor", "digital-new-device"],
  contact_and_branches: ["contact-channels", "branch-services", "accessibility-support"],
  hardship_support: ["hardship-support"],
  complaint: ["complaints"],
};

/** Documents that answer an intent (empty when the intent has no specific documents). */
export function documentsForIntent(intent: string): readonly string[] {
  return INTENT_DOCUMENTS[intent] ?? [];
}
