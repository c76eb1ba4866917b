SELECT t.id, t.updated_at FROM topics t
JOIN user_stats us ON us.user_id = ?
WHERE t.updated_at >= us.first_unread_at AND t.deleted_at IS NULL
ORDER BY t.updated_at DESC
