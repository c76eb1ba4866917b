package com.acme.tracks;

import jakarta.persistence.*;
import java.util.List;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Where;

@Entity
@Table(name = "tracks")
@Where(clause = "deleted_at IS NULL")
@NamedQuery(name = "Track.popular", query = "select t from Track t where t.plays > :min or t.owner.id = :owner")
public class Track {
    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false)
    private Owner owner;

    @Formula("(SELECT count(*) FROM plays p WHERE p.track_id = id)")
    private long plays;

    @OneToMany(mappedBy = "track")
    private List<Collaborator> collaborators;
}

@Entity
@Table(name = "owners", uniqueConstraints = @UniqueConstraint(columnNames = {"email"}))
class Owner { @Id Long id; String email; }

@Entity
class Collaborator { @Id Long id; @ManyToOne Track track; @ManyToOne Owner user; }
