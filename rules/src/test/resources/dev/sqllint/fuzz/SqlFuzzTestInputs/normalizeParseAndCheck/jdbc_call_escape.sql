{? = call refresh_account_totals(?, ?)}
