select e from #{#entityName} e where e.status = :status and e.owner.id = :#{principal.id} and e.id in :ids
