package io.newsarchive.admin;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DashboardPageTest {

    @Test
    void aYearOrAMonthOfTheTimelineLinksToTheListingOfItsDays() {
        assertEquals("/?from=2022-01-01&to=2022-12-31", DashboardPage.PERIOD_LINKS.year(2022));
        assertEquals("/?from=2024-02-01&to=2024-02-29", DashboardPage.PERIOD_LINKS.month(YearMonth.of(2024, 2)));
    }
}
