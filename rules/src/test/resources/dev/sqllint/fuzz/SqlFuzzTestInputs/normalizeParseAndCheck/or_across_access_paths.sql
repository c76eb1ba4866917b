SELECT t.* FROM tracks t
WHERE t.owner_id = $1
   OR t.track_id IN (SELECT c.track_id FROM track_collaborators c
                     WHERE c.collaborator_user_id = $1 AND c.status = 'accepted')
ORDER BY t.created_at DESC LIMIT 50
