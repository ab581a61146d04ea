-- The learned check's queue is read without holding a transaction open while the model reads (ADR 38): a node
-- claims a batch for a short while, reads it, then takes each row off the queue in a short transaction of its
-- own. A claim that runs out (the node stopped) leaves the rows for another node.
ALTER TABLE safeguarding_check_queue ADD COLUMN claimed_until timestamptz;
