package com.acme.library;

import static com.acme.db.Tables.*;
import static org.jooq.impl.DSL.*;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

class BookRepository {
    private final DSLContext dsl;

    BookRepository(DSLContext dsl) { this.dsl = dsl; }

    Object byAuthorOrCoAuthor(long userId, String title) {
        Condition visible = BOOK.AUTHOR_ID.eq(userId)
                .or(BOOK.ID.in(select(CO_AUTHOR.BOOK_ID).from(CO_AUTHOR).where(CO_AUTHOR.USER_ID.eq(userId))));
        List<Condition> filters = new ArrayList<>();
        if (title != null) filters.add(BOOK.TITLE.likeIgnoreCase("%" + title + "%"));
        return dsl.selectDistinct(BOOK.ID, BOOK.TITLE)
                .from(BOOK)
                .join(AUTHOR).on(AUTHOR.ID.eq(BOOK.AUTHOR_ID))
                .leftJoin(REVIEW).onKey()
                .where(visible).and(filters)
                .orderBy(BOOK.TITLE.asc())
                .limit(20)
                .fetch();
    }

    int count() {
        return dsl.fetchCount(dsl.selectFrom(BOOK).whereExists(selectOne().from(AUTHOR).where(AUTHOR.ID.eq(BOOK.AUTHOR_ID))));
    }

    Object plain(long id) {
        return dsl.fetch("SELECT b.* FROM book b WHERE b.id = {0} OR b.parent_id = {0}", val(id));
    }
}
