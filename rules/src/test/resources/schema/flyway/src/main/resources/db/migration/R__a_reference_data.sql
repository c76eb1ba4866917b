INSERT INTO currencies (code, name) VALUES ('USD', 'US dollar') ON CONFLICT (code) DO NOTHING;
