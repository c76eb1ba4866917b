CREATE TABLE `review_requests` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `submitter_id` int(11) NOT NULL,
  `status` char(1) NOT NULL DEFAULT 'P',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uniq_submitter_status` (`submitter_id`, `status`),
  KEY `idx_status` (`status`),
  CONSTRAINT `fk_rr_submitter` FOREIGN KEY (`submitter_id`) REFERENCES `users` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DELIMITER //
CREATE PROCEDURE purge_requests()
BEGIN
  DELETE FROM review_requests WHERE status = 'D';
END //
DELIMITER ;
RENAME TABLE review_requests TO requests;
ALTER TABLE requests DROP FOREIGN KEY fk_rr_submitter, ADD INDEX idx_submitter (submitter_id);
