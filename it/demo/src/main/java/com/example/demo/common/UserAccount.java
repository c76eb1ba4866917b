package com.example.demo.common;

/**
 * A login account.
 *
 * @param id    the user
 * @param email the address the user signs in with
 */
public record UserAccount(long id, String email) {
}
