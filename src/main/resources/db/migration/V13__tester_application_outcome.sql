-- A tester application's outcome (issue 3): a community manager either invites the member (the
-- invitation decides their open application) or declines it with a reason the applicant sees.
-- outcome is open until then; decided_by is the manager. A declined member may apply again at once.
ALTER TABLE tester_application ADD COLUMN outcome VARCHAR(16) DEFAULT 'open' NOT NULL;
ALTER TABLE tester_application ADD COLUMN decided_by BIGINT;
ALTER TABLE tester_application ADD COLUMN decline_reason VARCHAR(1000);
UPDATE tester_application SET outcome = 'invited' WHERE decided_at IS NOT NULL;
ALTER TABLE tester_application ADD CONSTRAINT fk_tester_application_decided_by
    FOREIGN KEY (decided_by) REFERENCES member (id);
ALTER TABLE tester_application ADD CONSTRAINT ck_tester_application_outcome
    CHECK (outcome IN ('open', 'invited', 'declined'));
