-- One definition of "required before approval" (golive ApprovalRequirement, decision 020): the items the sign-off
-- chain and the go/no-go decision satisfy themselves no longer count as required on existing releases.
UPDATE golive_item SET required = FALSE
 WHERE LOWER(phase) LIKE 'sign-off%' OR LOWER(TRIM(text)) LIKE 'go/no-go decision%';
