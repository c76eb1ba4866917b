SELECT count(*) FROM task_run tr
WHERE tr.deleted = false
  AND EXISTS (SELECT 1 FROM flow_run fr WHERE fr.id = tr.flow_run_id
    AND EXISTS (SELECT 1 FROM flow f WHERE f.id = fr.flow_id AND f.name LIKE ?))
