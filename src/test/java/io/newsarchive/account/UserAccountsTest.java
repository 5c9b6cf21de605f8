package io.newsarchive.account;

import io.newsarchive.system.ApiError;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The last two enabled admins demoting each other at once: the changes take turns, and one admin stays. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class UserAccountsTest {

    @Inject
    UserAccounts accounts;

    @Test
    void twoAdminsCannotDemoteEachOtherAtOnce() throws Exception {
        String first = TestUsers.newUser(Role.ADMIN);
        String second = TestUsers.newUser(Role.ADMIN);
        QuarkusTransaction.requiringNew()
                .run(() -> CatalogUser.update(
                        "disabledAt = current_timestamp where role = 'admin' and username not in ?1",
                        List.of(first, second)));
        try {
            long firstId = idOf(first);
            long secondId = idOf(second);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> firstDemoted = demote(firstId, second, start);
            CompletableFuture<Integer> secondDemoted = demote(secondId, first, start);
            List<Integer> statuses = List.of(firstDemoted.get(), secondDemoted.get());
            assertEquals(List.of(303, 409), statuses.stream().sorted().toList());
            assertEquals(1L, (long) QuarkusTransaction.requiringNew()
                    .call(() -> CatalogUser.count("role = ?1 and disabledAt is null", Role.ADMIN)));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> CatalogUser.update("disabledAt = null where username = ?1", TestUsers.ADMIN));
        }
    }

    /** The status the page would answer: 303 when the role changed, the failure's otherwise. */
    private CompletableFuture<Integer> demote(long id, String by, CyclicBarrier start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                accounts.changeRole(id, Role.VIEWER.toString(), by);
                return 303;
            } catch (ApiError.Failure e) {
                return e.status();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long idOf(String username) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CatalogUser.named(username).orElseThrow().id);
    }
}
