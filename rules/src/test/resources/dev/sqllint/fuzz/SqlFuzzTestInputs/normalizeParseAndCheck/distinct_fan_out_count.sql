SELECT COUNT(*) FROM (
  SELECT DISTINCT rr.id FROM review_requests rr
  LEFT OUTER JOIN review_request_target_groups g ON g.review_request_id = rr.id
  LEFT OUTER JOIN review_request_target_people p ON p.review_request_id = rr.id
  WHERE rr.status = 'P' AND (g.group_id IN (?, ?, ?) OR p.user_id = ?)
) AS q
