-- Platform: work that must run on one instance at a time (org.tribune.platform.control.JobLease).
-- One row per job name, created by the first claim. A claim is a conditional UPDATE whose update
-- count says who won, so instances never need to talk to each other; lease_until is written from
-- the claiming instance's clock (instances keep their clocks in sync with NTP).
CREATE TABLE job_lease (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    claimed_at TIMESTAMP NOT NULL,
    lease_until TIMESTAMP NOT NULL
);
