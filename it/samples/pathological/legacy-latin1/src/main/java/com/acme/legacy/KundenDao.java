package com.acme.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Kundenverwaltung (Altbestand, ISO-8859-1): Kunden, deren Rechnungen über eine Gruppe geteilt wurden.
 * Größere Änderungen bitte mit der Buchhaltung abstimmen.
 */
public class KundenDao {

    private final Connection verbindung;

    public KundenDao(Connection verbindung) {
        this.verbindung = verbindung;
    }

    /** Rechnungen eines Kunden oder seiner Gruppe, ohne die Stornierten (Status »storniert«). */
    public int zähleRechnungen(long kundeId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM rechnungen r WHERE r.status <> 'storniert' AND r.notiz <> 'Müller & Söhne' AND r.kunde_id = ? OR r.gruppe_id IN (SELECT g.gruppe_id FROM gruppen_mitglieder g WHERE g.kunde_id = ?)";
        try (PreparedStatement ps = verbindung.prepareStatement(sql)) {
            ps.setLong(1, kundeId);
            ps.setLong(2, kundeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
