package io.newsarchive.catalog;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.system.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The headlines of article versions, for pages that list articles by id (a run's files). */
@ApplicationScoped
public class ArticleHeadlines {

    @Inject
    AgroalDataSource dataSource;

    /** Each id's headline, withdrawn versions included; ids of no article are left out. */
    public Map<Long, String> of(Collection<Long> ids) {
        Map<Long, String> headlines = new HashMap<>();
        if (ids.isEmpty()) {
            return headlines;
        }
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select =
                        conn.prepareStatement("select id, headline from article where id = any(?)")) {
            select.setArray(1, conn.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    headlines.put(rs.getLong(1), rs.getString(2));
                }
            }
            return headlines;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
