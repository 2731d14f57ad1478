package io.contactsync.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.contactsync.platform.Message;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database cannot be reached: whether it is a lost connection, one the pool could not
 * give within its time, or a rollback that failed because the connection had gone. Such a
 * request is answered 503, to be tried again, wherever it failed — in a controller (see
 * {@link ApiProblemHandler}) or before one, where a bearer token is looked up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseAway extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAway.class);

	static final Message DETAIL = Message.of("detail.databaseAway");

	/** Whether the failure, or one it was wrapped around, says the database is away. */
	static boolean isCauseOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof SQLTransientConnectionException
					// a rollback or commit on a connection that has gone
					|| (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException)
					// SQL state class 08: connection exception
					|| (cause instanceof SQLException sql && sql.getSQLState() != null
							&& sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isCauseOf(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable: {}", ex.getMessage());
			response.reset();
			response.setHeader("Retry-After", "5");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				ProblemWriter.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", DETAIL);
			}
			else {
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
		}
	}

}
