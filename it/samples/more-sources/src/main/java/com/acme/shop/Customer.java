package com.acme.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;

@Entity
@Table(name = "customers")
public class Customer {

    @Id
    private Long id;

    private String email;

    /** Computed per row by Hibernate: a correlated subquery in every select of Customer. */
    @Formula("(SELECT count(*) FROM orders o WHERE o.customer_id = id)")
    private int orderCount;
}
