-- Until now a reseller could only be a VIEWER, who uploaded and spent. VIEWER now reads only (everyone's
-- items, no uploads), and resellers have their own role, SELLER: every existing VIEWER was a reseller.
UPDATE users SET role = 'SELLER' WHERE role = 'VIEWER';
