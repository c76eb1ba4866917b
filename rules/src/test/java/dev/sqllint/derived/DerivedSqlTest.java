package dev.sqllint.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.JpaNaming;
import dev.sqllint.sql.Origin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SQL Spring Data JPA runs for each derived query method, written through the mapping of {@link DerivedQueryFixtures}. */
class DerivedSqlTest {

    private DerivedQueries queries;

    private List<SqlSite> sites(String path, String repositories) {
        List<JavaFile> files = DerivedQueryFixtures.parse("com/acme/app/Entities.java", DerivedQueryFixtures.ENTITIES,
                path, repositories);
        ProjectIndex index = new ProjectIndex(files);
        queries = new DerivedQueries(JpaModel.read(files, JpaNaming.SPRING), index, new TypeNames(index, Set.of()), files);
        return queries.sites(files.get(1));
    }

    private Map<String, String> sqlByOwner(String path, String repositories) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SqlSite s : sites(path, repositories)) out.put(s.owner(), s.variants().get(0).text());
        return out;
    }

    @Test
    void findsCountsExistsAndDeletesThroughTheMapping() {
        Map<String, String> sql = sqlByOwner("com/acme/app/Repositories.java", """
                package com.acme.app;

                import java.time.Instant;
                import java.util.Collection;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.repository.CrudRepository;

                interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {
                    List<ReviewRequest> findDistinctByTargetGroupsNameIn(Collection<String> names);
                    List<ReviewRequest> findByStatusAndSubmitterUsername(String status, String username);
                    List<ReviewRequest> findByTargetGroupsIsEmpty();
                    long countDistinctByTargetGroupsName(String name);
                }
                interface TrackRepository extends JpaRepository<Track, Long> {
                    long countByOwnerId(Long ownerId);
                    List<Track> findTop5ByOrderByCreatedAtDesc();
                    List<Track> findByOwner_Name(String name);
                    List<Track> findByOwnerName(String name);
                    List<Track> findByOwnerIdOrCollaboratorsUserId(Long ownerId, Long userId);
                    List<Track> findByTitleStartingWithIgnoreCaseAndArchivedFalse(String prefix);
                    List<Track> findByCreatedAtBetweenOrderByOwnerNameAsc(Instant from, Instant to);
                    Track findFirstByOwnerOrderByTitle(Account owner);
                }
                interface CollaboratorRepository extends CrudRepository<Collaborator, Long> {
                    List<Collaborator> findByTrackTitleAndRoleNot(String title, String role);
                    List<Collaborator> findByUserIsNull();
                }
                interface AccountRepository extends JpaRepository<Account, Long> {
                    boolean existsByEmail(String email);
                    List<Account> findByAddressCityAndUsernameNotIn(String city, Collection<String> names);
                    List<Account> findByNameLikeAllIgnoreCase(String pattern);
                }
                interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
                    void deleteByExpiresAtBefore(Instant now);
                }
                """);
        Map<String, String> expected = new LinkedHashMap<>();
        // a collection path: LEFT JOIN to the link table and to the groups (Spring Data joins every collection
        // optionally), and the DISTINCT that undoes the fan-out
        expected.put("ReviewRequestRepository.findDistinctByTargetGroupsNameIn",
                "SELECT DISTINCT r1_0.* FROM review_requests r1_0"
                        + " LEFT JOIN review_request_target_groups t1_0 ON r1_0.id = t1_0.review_request_id"
                        + " LEFT JOIN review_groups t1_1 ON t1_0.group_id = t1_1.id WHERE t1_1.name IN (?)");
        // an optional to-one: one LEFT JOIN, no fan-out
        expected.put("ReviewRequestRepository.findByStatusAndSubmitterUsername",
                "SELECT r1_0.* FROM review_requests r1_0 LEFT JOIN accounts s1_0 ON r1_0.submitter_id = s1_0.id"
                        + " WHERE r1_0.status = ? AND s1_0.username = ?");
        expected.put("ReviewRequestRepository.findByTargetGroupsIsEmpty",
                "SELECT r1_0.* FROM review_requests r1_0 WHERE NOT EXISTS"
                        + " (SELECT 1 FROM review_request_target_groups t1_0 WHERE r1_0.id = t1_0.review_request_id)");
        expected.put("ReviewRequestRepository.countDistinctByTargetGroupsName",
                "SELECT count(DISTINCT r1_0.id) FROM review_requests r1_0"
                        + " LEFT JOIN review_request_target_groups t1_0 ON r1_0.id = t1_0.review_request_id"
                        + " LEFT JOIN review_groups t1_1 ON t1_0.group_id = t1_1.id WHERE t1_1.name = ?");
        // the id of an owning to-one is its foreign key: no join
        expected.put("TrackRepository.countByOwnerId",
                "SELECT count(t1_0.track_id) FROM tracks t1_0 WHERE t1_0.owner_id = ?");
        expected.put("TrackRepository.findTop5ByOrderByCreatedAtDesc",
                "SELECT t1_0.* FROM tracks t1_0 ORDER BY t1_0.created_at DESC LIMIT 5");
        expected.put("TrackRepository.findByOwner_Name",
                "SELECT t1_0.* FROM tracks t1_0 LEFT JOIN accounts o1_0 ON t1_0.owner_id = o1_0.id WHERE o1_0.name = ?");
        expected.put("TrackRepository.findByOwnerName",
                "SELECT t1_0.* FROM tracks t1_0 LEFT JOIN accounts o1_0 ON t1_0.owner_id = o1_0.id WHERE o1_0.name = ?");
        // below a LEFT JOIN every hop is outer, even to a relationship id
        expected.put("TrackRepository.findByOwnerIdOrCollaboratorsUserId",
                "SELECT t1_0.* FROM tracks t1_0 LEFT JOIN track_collaborators c1_0 ON t1_0.track_id = c1_0.track_id"
                        + " LEFT JOIN accounts u1_0 ON c1_0.user_id = u1_0.id WHERE t1_0.owner_id = ? OR u1_0.id = ?");
        expected.put("TrackRepository.findByTitleStartingWithIgnoreCaseAndArchivedFalse",
                "SELECT t1_0.* FROM tracks t1_0 WHERE upper(t1_0.title) LIKE upper(?) ESCAPE '\\' AND t1_0.archived = FALSE");
        expected.put("TrackRepository.findByCreatedAtBetweenOrderByOwnerNameAsc",
                "SELECT t1_0.* FROM tracks t1_0 LEFT JOIN accounts o1_0 ON t1_0.owner_id = o1_0.id"
                        + " WHERE t1_0.created_at BETWEEN ? AND ? ORDER BY o1_0.name ASC");
        expected.put("TrackRepository.findFirstByOwnerOrderByTitle",
                "SELECT t1_0.* FROM tracks t1_0 WHERE t1_0.owner_id = ? ORDER BY t1_0.title ASC LIMIT 1");
        // @ManyToOne(optional = false): an inner join
        expected.put("CollaboratorRepository.findByTrackTitleAndRoleNot",
                "SELECT c1_0.* FROM track_collaborators c1_0 JOIN tracks t1_0 ON c1_0.track_id = t1_0.track_id"
                        + " WHERE t1_0.title = ? AND c1_0.role <> ?");
        expected.put("CollaboratorRepository.findByUserIsNull",
                "SELECT c1_0.* FROM track_collaborators c1_0 WHERE c1_0.user_id IS NULL");
        expected.put("AccountRepository.existsByEmail",
                "SELECT a1_0.id FROM accounts a1_0 WHERE a1_0.email = ? LIMIT 1");
        // an embedded group needs no join
        expected.put("AccountRepository.findByAddressCityAndUsernameNotIn",
                "SELECT a1_0.* FROM accounts a1_0 WHERE a1_0.city = ? AND a1_0.username NOT IN (?)");
        expected.put("AccountRepository.findByNameLikeAllIgnoreCase",
                "SELECT a1_0.* FROM accounts a1_0 WHERE upper(a1_0.name) LIKE upper(?) ESCAPE '\\'");
        // a derived delete loads the entities, then removes them one by one
        expected.put("ApiTokenRepository.deleteByExpiresAtBefore",
                "SELECT a1_0.* FROM api_tokens a1_0 WHERE a1_0.expires_at < ?");
        assertEquals(expected, sql);
        assertEquals(Optional.of("Spring Data derived queries: 18 methods read as SQL"), queries.note());
    }

    @Test
    void theStatementMapsToTheMethodName() {
        List<SqlSite> sites = sites("com/acme/app/ReviewRequestRepository.java", """
                package com.acme.app;

                import java.util.Collection;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;

                public interface ReviewRequestRepository extends JpaRepository<ReviewRequest, Long> {

                    @SuppressWarnings("sqllint:DistinctOverFanOutJoin")
                    List<ReviewRequest> findDistinctByTargetGroupsNameIn(Collection<String> names);
                }
                """);
        assertEquals(1, sites.size());
        SqlSite site = sites.get(0);
        Path file = Path.of("com/acme/app/ReviewRequestRepository.java");
        assertEquals(List.of(file.toString(), "10", "25", "derived query findDistinctByTargetGroupsNameIn", "SQL",
                        "ReviewRequestRepository.findDistinctByTargetGroupsNameIn", "ReviewRequest"),
                List.of(site.file().toString(), "" + site.line(), "" + site.column(), site.api(), site.language().name(),
                        site.owner(), site.entity()));
        assertEquals(Language.SQL, site.language());
        // every character of the statement comes from the method name
        Origin origin = Origin.at(file, 10, 25);
        for (int i = 0; i < site.variants().get(0).length(); i++) assertEquals(origin, site.variants().get(0).originAt(i));
        assertEquals(true, site.suppressions().covers("DistinctOverFanOutJoin"));
    }

    @Test
    void methodsSpringDataDoesNotDeriveAreSkipped() {
        Map<String, String> sql = sqlByOwner("com/acme/app/Repositories.java", """
                package com.acme.app;

                import java.util.List;
                import java.util.Optional;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.NoRepositoryBean;

                @NoRepositoryBean
                interface BaseRepository<T, ID> extends JpaRepository<T, ID> {
                    List<T> findByIdIn(List<ID> ids);
                }

                interface TrackRepository extends BaseRepository<Track, Long> {
                    // declared query: read from the annotation, not the name
                    @Query("select t from Track t where t.title = ?1")
                    List<Track> findByTitle(String title);

                    // CRUD methods redeclared: SimpleJpaRepository runs them
                    Optional<Track> findById(Long id);
                    List<Track> findAll();

                    // a default method: Java code, not a query
                    default List<Track> findByOwnerNameOrTitle(String value) {
                        return findByTitle(value);
                    }

                    // no such property: Spring Data would fail at start-up, or a fragment implements it
                    List<Track> findByNickname(String nickname);

                    // a custom name without By
                    List<Track> libraryOf(long userId);

                    // through the project's own base interface
                    long countByArchivedTrue();
                }

                interface Unrelated {
                    List<Track> findByTitle(String title);
                }
                """);
        assertEquals(Map.of("TrackRepository.countByArchivedTrue",
                "SELECT count(t1_0.track_id) FROM tracks t1_0 WHERE t1_0.archived = TRUE"), sql);
        assertEquals(Optional.of("Spring Data derived queries: 1 method read as SQL, 3 skipped:"
                        + " TrackRepository.findByNickname (no property nickname on Track);"
                        + " TrackRepository.findByOwnerNameOrTitle (default method);"
                        + " TrackRepository.libraryOf (not a find…By, count…By, exists…By or delete…By name)"),
                queries.note());
    }

    @Test
    void namedQueriesAndOtherFrameworksAreNotDerived() {
        List<JavaFile> files = DerivedQueryFixtures.parse(
                "com/acme/app/Entities.java", DerivedQueryFixtures.ENTITIES.replace("class ApiToken {",
                        "@jakarta.persistence.NamedQuery(name = \"ApiToken.findByExpiresAtAfter\", query = \"select t from ApiToken t\")\n"
                                + "class ApiToken {"),
                "com/acme/app/Repositories.java", """
                        package com.acme.app;

                        import java.time.Instant;
                        import java.util.List;
                        import com.acme.jdbc.Repository;
                        import org.springframework.data.repository.CrudRepository;

                        interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {
                            List<ApiToken> findByExpiresAtAfter(Instant now);
                        }
                        interface LegacyTokens extends Repository<ApiToken> {
                            List<ApiToken> findByExpiresAtBefore(Instant now);
                        }
                        """);
        ProjectIndex index = new ProjectIndex(files);
        DerivedQueries q = new DerivedQueries(JpaModel.read(files, JpaNaming.SPRING), index, new TypeNames(index, Set.of()), files);
        assertEquals(List.of(), q.sites(files.get(1)));
        assertEquals(Optional.empty(), q.note());
    }
    @Test
    void oddNamesAreSkippedNeverThrown() {
        Map<String, String> sql = sqlByOwner("com/acme/app/Odd.java", """
                package com.acme.app;

                import java.util.List;
                import org.springframework.data.jpa.repository.*;

                interface TrackRepository extends JpaRepository<Track, Long> {
                    List<Track> findTop99999999999ByTitle(String title);
                    List<Track> findByTitleOrderByAscOrderByDesc();
                    List<Track> findByTitleName(String name);
                    List<Track> findByOwnerNicknameAndTitle(String nickname, String title);
                    List<Track> findByOwnerIsEmpty();
                    List<Track> findByCollaboratorsContaining(Collaborator c);
                    List<Track> findByTitleRegex(String regex);
                    List<Track> findBy_();
                    List<Track> findByÄrger(String a);
                    List<Track> findAllBy();
                }
                interface Untyped extends JpaRepository {
                    List<Object> findByTitle(String title);
                }
                interface Unmapped extends JpaRepository<String, Long> {
                    List<String> findByTitle(String title);
                }
                """);
        // an asterisk import of Spring Data's package is enough; findAllBy has no predicate
        assertEquals(Map.of("TrackRepository.findAllBy", "SELECT t1_0.* FROM tracks t1_0"), sql);
        assertEquals(Optional.of("Spring Data derived queries: 1 method read as SQL, 9 skipped:"
                + " TrackRepository.findByCollaboratorsContaining (MEMBER OF on a collection is not written);"
                + " TrackRepository.findByOwnerIsEmpty (IsEmpty/IsNotEmpty only on a collection of the entity itself);"
                + " TrackRepository.findByOwnerNicknameAndTitle (no property nickname on Account (in ownerNickname));"
                + " TrackRepository.findByTitleName (no property name below a column (in titleName));"
                + " TrackRepository.findByTitleOrderByAscOrderByDesc (OrderBy more than once);"
                + " TrackRepository.findByTitleRegex (REGEX is not a Spring Data JPA keyword);"
                + " TrackRepository.findBy_ (no property in _);"
                + " TrackRepository.findByÄrger (no property ärger on Track);"
                + " TrackRepository.findTop99999999999ByTitle (a limit too large: 99999999999)"), queries.note());
    }
}
