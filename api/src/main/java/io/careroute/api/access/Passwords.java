package io.careroute.api.access;

import java.security.SecureRandom;

/** Random passwords for the demo users and for an admin created by the CLI without one. */
public final class Passwords {

    // No 0/O, 1/l/I: read off a console and typed by hand.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 16 characters of 56: about 93 bits. */
    public static String random() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
