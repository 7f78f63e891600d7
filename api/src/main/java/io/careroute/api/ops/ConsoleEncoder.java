package io.careroute.api.ops;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * The console encoder of logback.xml: a line of text, or, when {@code logging.structured.format.console} is set
 * ({@code ecs}, {@code logstash} or {@code gelf}), one JSON object per line through Spring Boot's own structured
 * logging. Spring Boot's encoder needs Spring's environment, which only the server has: logback reads logback.xml
 * once before Spring starts (and the command-line tools never start it), so text it is until Spring configures
 * logging again with the property set. An unknown format stops the server's start with Spring's message naming it.
 * What is logged is the same either way; only its shape changes.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String structuredFormat;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** From {@code ${CONSOLE_LOG_STRUCTURED_FORMAT}}, which Spring Boot sets from the property; blank for text. */
    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat;
    }

    @Override
    public void start() {
        if (structuredFormat != null && !structuredFormat.isBlank()
                && getContext().getObject(Environment.class.getName()) != null) {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(structuredFormat.strip());
            json.setCharset(StandardCharsets.UTF_8);   // JSON is UTF-8
            delegate = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);          // in the platform's charset, as before
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
